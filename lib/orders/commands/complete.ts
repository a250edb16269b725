import { completeBody } from '../schemas';
import { defineCommand, listedAttachments } from './command';
import { rolesFor } from '../../providers/roles';

export interface CompleteInput {
  action: 'complete';
  note: string;
  attachments?: string[];
}

/** 服务商-实施完成: the delivery note and, optionally, attachments uploaded to the order. */
export const complete = defineCommand<CompleteInput>({
  action: 'complete',
  roles: ['provider'],
  memberRoles: rolesFor('deliver'),
  from: ['implementing'],
  to: 'awaiting_confirmation',
  turn: true,
  event: 'order.status_changed',
  body: completeBody,
  references: (input) => listedAttachments(input.attachments),
  apply: (_o, input, { at }) => ({
    deliveryNote: { note: input.note, at, ...(input.attachments?.length ? { attachments: input.attachments } : {}) },
  }),
  entry: (input) => ({ note: input.note, ...(input.attachments?.length ? { attachments: input.attachments } : {}) }),
});
