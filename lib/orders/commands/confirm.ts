import { defineCommand } from './command';

export interface ConfirmInput {
  action: 'confirm';
}

/** 用户-确认完成. */
export const confirm = defineCommand<ConfirmInput>({
  action: 'confirm',
  roles: ['buyer'],
  from: ['awaiting_confirmation'],
  to: 'completed',
  turn: true,
  event: 'order.status_changed',
  apply: (_o, _input, { at }) => ({ completedAt: at }),
  entry: () => ({}),
});
