import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { api, unwrap } from '../api/client';
import type { components, paths } from '../api/schema';
import type { Attachment, Order } from '../api/types';
import { idem, useCommand } from '../app/use-command';

import { ORDERS_KEY } from './hooks';

export { downloadAttachment, useOrder } from './hooks';
const invalidate = [ORDERS_KEY as unknown as string[]];

/** A rating as the API answers it (spec 4.2). */
export interface OrderReview {
  rating: number;
  comment: string | null;
  createdAt: string;
  reply?: { text: string; at: string } | null;
}

/** `GET /orders/{orderId}`: the order with both labels, its timeline, its attachments and its rating. */
export type OrderView = Order & {
  attachments?: (Attachment & { createdAt?: string; uploadedBy?: string })[];
  review?: OrderReview | null;
  appeal?: { by: string; role: string; reason: string; at: string } | null;
  resolution?: { outcome: string; note: string; by: string; at: string } | null;
  refund?: { amount: number; at: string } | null;
};

const path = (orderId: string) => ({ params: { path: { orderId } } });

/** The order commands: `POST` routes on one order. */
type OrderCommandRoute = Extract<PathsWithMethod<paths, 'post'>, `/orders/{orderId}/${string}` | `/operator/orders/{orderId}/${string}`>;

/** An order command with an optional JSON body; one Idempotency-Key per intent (useCommand). */
const useOrderCommand = <B extends object | undefined>(name: string, route: OrderCommandRoute) =>
  useCommand(
    name,
    ({ orderId, body }: { orderId: string; body?: B }, key) =>
      unwrap<OrderView>(api().POST(route, { ...path(orderId), body: body, headers: idem(key) })),
    { invalidate },
  );

export const useConfirmOrder = () => useOrderCommand<undefined>('confirmOrder', '/orders/{orderId}/confirm');
export const useRejectCompletion = () => useOrderCommand<{ reason: string }>('rejectCompletion', '/orders/{orderId}/reject-completion');
export const useCancelOrder = () => useOrderCommand<{ reason?: string }>('cancelOrder', '/orders/{orderId}/cancel');
export const useAppealOrder = () => useOrderCommand<{ reason: string }>('appealOrder', '/orders/{orderId}/appeal');
export const useResolveOrder = () =>
  useOrderCommand<{ outcome: 'completed' | 'cancelled' | 'implementing'; note: string }>('resolveOrder', '/operator/orders/{orderId}/resolve');
export const useSendMessage = () => useOrderCommand<{ text: string; attachments?: string[] }>('sendMessage', '/orders/{orderId}/messages');
export const useRateOrder = () => useOrderCommand<{ rating: number; comment?: string }>('rateOrder', '/orders/{orderId}/review');

/** 提交需求单 (PUT: the buyer may edit until work starts). */
export const useSubmitRequirements = () =>
  useCommand(
    'submitRequirements',
    ({ orderId, answers }: { orderId: string; answers: Record<string, string | number | boolean> }, key) =>
      unwrap<OrderView>(api().PUT('/orders/{orderId}/requirements', { ...path(orderId), body: { answers }, headers: idem(key) })),
    { invalidate },
  );

/**
 * Uploads a file to the order (spec 4.1): ask for a presigned upload, then send the bytes straight to S3
 * (a presigned POST with its form fields, or a PUT); answers the attachment's id to reference.
 */
export const uploadAttachment = async (orderId: string, file: File): Promise<string> => {
  const grant = await unwrap<{ attachmentId: string; upload: { url: string; method?: string; fields?: Record<string, string> } }>(
    api().POST('/orders/{orderId}/attachments', {
      ...path(orderId),
      // a type the API does not take is refused with a problem naming `contentType`, shown to the user
      body: { fileName: file.name, contentType: (file.type || 'application/octet-stream') as components['schemas']['Attachment']['contentType'], size: file.size },
      headers: idem(crypto.randomUUID()),
    }),
  );
  const { url, method = 'POST', fields } = grant.upload;
  let res: Response;
  if (method.toUpperCase() === 'PUT') {
    res = await fetch(url, { method: 'PUT', body: file, headers: { 'content-type': file.type } });
  } else {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields ?? {})) form.append(k, v);
    form.append('file', file);
    res = await fetch(url, { method: 'POST', body: form });
  }
  if (!res.ok) throw new Error(`upload refused (${res.status})`);
  return grant.attachmentId;
};
