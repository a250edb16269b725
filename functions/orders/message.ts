import { checkReferences } from '../../lib/attachments/repository';
import { config } from '../../lib/config';
import { orderCommandRoute } from '../../lib/orders/routes';

/**
 * POST /orders/{orderId}/messages — 沟通: a message in the timeline, optionally with attachments; at most
 * RATE_MESSAGES per user and window (429 with Retry-After), counted in the message's own transaction.
 */
export const handler = orderCommandRoute('message', { checkReferences, rate: config.rateLimits.messages });
