import { defineCommand } from './command';

export interface RemindInput {
  action: 'remind';
  /** Which reminder the entry records (e.g. `buyer-confirm-1@<since>`). */
  reminder: string;
  /** The reminders it records as sent: itself and the earlier ones it stands for. */
  covers?: string[];
  /** Who the reminder is for. */
  recipient: 'buyer' | 'provider';
}

/** The platform reminds the party whose step is due (order timers job); nobody's turn changes. */
export const remind = defineCommand<RemindInput>({
  action: 'remind',
  roles: ['system'],
  from: ['awaiting_start', 'awaiting_confirmation'],
  to: null,
  turn: false,
  event: 'order.reminded',
  apply: (o, input) => ({ remindersSent: [...o.remindersSent, ...(input.covers ?? [input.reminder])] }),
  entry: (input) => ({ reminder: input.reminder, recipient: input.recipient }),
  notifies: (_role, data) => [data.recipient === 'provider' ? 'provider' : 'buyer'],
});
