import { defineCommand } from './command';

export interface AutoCancelInput {
  action: 'auto-cancel';
}

/** The platform cancels, with a full refund, an order the provider left unstarted past the period (order timers job). */
export const autoCancel = defineCommand<AutoCancelInput>({
  action: 'auto-cancel',
  roles: ['system'],
  from: ['awaiting_start'],
  to: 'cancelled',
  turn: true,
  event: 'order.status_changed',
  apply: (o, _input, { at }) => ({ refundAmount: o.amount, refundedAt: at }),
  entry: () => ({}),
});
