import { reasonBody } from '../schemas';
import { defineCommand } from './command';

export interface RejectCompletionInput {
  action: 'reject-completion';
  reason: string;
}

/** 驳回验收: back to implementing, with a reason; repeated rejections open an appeal to either party. */
export const rejectCompletion = defineCommand<RejectCompletionInput>({
  action: 'reject-completion',
  roles: ['buyer'],
  from: ['awaiting_confirmation'],
  to: 'implementing',
  turn: true,
  event: 'order.status_changed',
  body: reasonBody,
  apply: (o) => ({ completionRejections: o.completionRejections + 1 }),
  entry: (input) => ({ reason: input.reason }),
  dashboard: () => ({ rejectedCompletions: 1 }),
});
