import { optionalReasonBody } from '../schemas';
import { defineCommand } from './command';

export interface CancelInput {
  action: 'cancel';
  /** A buyer may say why they cancel, or not. */
  reason?: string;
}

/** The buyer cancels before work starts; full refund. */
export const cancel = defineCommand<CancelInput>({
  action: 'cancel',
  roles: ['buyer'],
  from: ['awaiting_start'],
  to: 'cancelled',
  turn: true,
  event: 'order.status_changed',
  body: optionalReasonBody,
  apply: (o, _input, { at }) => ({ refundAmount: o.amount, refundedAt: at }),
  entry: (input) => ({ reason: input.reason }),
});
