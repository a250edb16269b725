import { handler as appeal } from '../../functions/orders/appeal';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as complete } from '../../functions/orders/complete';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as rejectCompletion } from '../../functions/orders/reject-completion';
import { handler as rejectRequirements } from '../../functions/orders/reject-requirements';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as resolve } from '../../functions/orders/resolve';
import { handler as start } from '../../functions/orders/start';
import { handler as urge } from '../../functions/orders/urge';
import { handler as message } from '../../functions/orders/message';
import type { OrderCommand } from '../../lib/orders/model';
import { ANSWERS } from './orders';

/** The HTTP function of each person's order command. */
export const commandHandlers = {
  'submit-requirements': requirements,
  'reject-requirements': rejectRequirements,
  start,
  complete,
  urge,
  confirm,
  'reject-completion': rejectCompletion,
  cancel,
  appeal,
  resolve,
  message,
} as Record<Exclude<OrderCommand, 'remind' | 'auto-confirm' | 'auto-cancel'>, typeof start>;

/** A valid body for each command. */
export const bodyOf = (action: OrderCommand): Record<string, unknown> | undefined => {
  switch (action) {
    case 'submit-requirements':
      return { answers: ANSWERS };
    case 'complete':
      return { note: 'done' };
    case 'reject-requirements':
    case 'reject-completion':
    case 'cancel':
    case 'appeal':
      return { reason: 'because' };
    case 'resolve':
      return { outcome: 'implementing', note: 'settled' };
    case 'message':
      return { text: 'hello' };
    default:
      return undefined;
  }
};
