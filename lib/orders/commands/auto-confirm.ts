import { defineCommand } from './command';

export interface AutoConfirmInput {
  action: 'auto-confirm';
}

/** The platform confirms an order the buyer left unconfirmed past the period (order timers job). */
export const autoConfirm = defineCommand<AutoConfirmInput>({
  action: 'auto-confirm',
  roles: ['system'],
  from: ['awaiting_confirmation'],
  to: 'completed',
  turn: true,
  event: 'order.status_changed',
  apply: (_o, _input, { at }) => ({ completedAt: at }),
  entry: () => ({}),
});
