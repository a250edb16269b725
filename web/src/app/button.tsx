import type { ComponentProps } from 'react';
import { Button as TdButton } from 'tdesign-react';

/**
 * TDesign's Button, always a `<button>` (or a link with `href`): TDesign renders a disabled button as a
 * `<div>`, which takes it out of the accessibility tree, so a screen reader would not know a 登录 or 发送
 * button exists until the form is filled.
 */
export const Button = (props: ComponentProps<typeof TdButton>) => <TdButton tag={props.href ? undefined : 'button'} {...props} />;
