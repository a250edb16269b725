import { messageBody } from '../schemas';
import { defineCommand, listedAttachments } from './command';
import { rolesFor } from '../../providers/roles';

export interface MessageInput {
  action: 'message';
  text: string;
  attachments?: string[];
}

/**
 * 沟通: a message in the timeline, optionally with attachments of the order. No status change and nobody's
 * turn changes, so a message never moves an appeal's clock. Operators write only into a dispute.
 */
export const message = defineCommand<MessageInput>({
  action: 'message',
  roles: ['buyer', 'provider', 'operator'],
  memberRoles: rolesFor('message'),
  from: ['awaiting_start', 'implementing', 'awaiting_confirmation', 'completed', 'disputed', 'delivered'],
  fromByRole: { operator: ['disputed'] },
  to: null,
  turn: false,
  event: 'order.message_posted',
  body: messageBody,
  references: (input) => listedAttachments(input.attachments),
  entry: (input) => ({ text: input.text, attachments: input.attachments ?? [] }),
});
