import type { ComponentProps } from 'react';
import { Descriptions } from 'tdesign-react';
import { useNarrow } from './use-narrow';

/**
 * TDesign's Descriptions that stacks on a phone: one item a row, its label above its value, so an order
 * number or a time keeps the card's whole width instead of wrapping a character a line beside its label.
 */
export const InfoList = (props: ComponentProps<typeof Descriptions>) => {
  const narrow = useNarrow();
  return narrow ? <Descriptions {...props} column={1} itemLayout="vertical" /> : <Descriptions {...props} />;
};
