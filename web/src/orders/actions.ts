import type { Order } from '../api/types';

/**
 * Whether the order's page offers a command, from the API's `actions` (the caller's side, the order's
 * status, the command's own rules): `refusal` is set (the API's reason) when it is shown but not allowed now.
 */
export const offer = (order: Order, action: string): { shown: boolean; refusal?: string } => {
  const a = order.actions?.find((x) => x.action === action);
  if (!a) return { shown: false };
  return a.allowed ? { shown: true } : { shown: true, refusal: a.reason ?? '' };
};
