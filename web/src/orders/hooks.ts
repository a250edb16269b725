import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ATTACHMENT_TYPES, isOneOf, type BodyOf, type OrderStatus } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { orderChanged, orderKeys, ratingChanged, type OrderSearch, type ProviderOrderFilters } from './keys';

export type { OrderSearch, ProviderOrderFilters };

const path = (orderId: string) => ({ params: { path: { orderId } } });

/** 订单管理: the provider's orders with the guide's filters, cursor paged. */
export const useProviderOrders = (filters: ProviderOrderFilters) =>
  useCursorList(orderKeys.provider(filters), (cursor) => unwrap(api().GET('/provider/orders', { params: { query: { ...filters, cursor, limit: 20 } } })));

/** 已购服务: the buyer's own orders, newest first, optionally one status, cursor paged. */
export const useBuyerOrders = (status: OrderStatus | undefined) =>
  useCursorList(orderKeys.buyer({ status }), (cursor) => unwrap(api().GET('/buyer/orders', { params: { query: { status, cursor, limit: 20 } } })));

/** Every order (`GET /operator/orders`); `status: disputed` is the appeal queue, oldest appeal first. */
export const useOperatorOrders = (filters: OrderSearch) =>
  useCursorList(orderKeys.operator(filters), (cursor) => unwrap(api().GET('/operator/orders', { params: { query: { ...filters, cursor, limit: 20 } } })));

/** `GET /orders/{orderId}`: the order with both parties' labels, its timeline, attachments and rating. */
export const useOrder = (orderId: string | undefined) =>
  useQuery({
    queryKey: orderKeys.detail(orderId ?? ''),
    enabled: Boolean(orderId),
    queryFn: () => fetchOrder(orderId ?? ''),
  });

/** Fetches one order by its number (the list's 订单号 filter is an exact lookup). */
export const fetchOrder = (orderId: string) => unwrap(api().GET('/orders/{orderId}', path(orderId)));

const refresh = { invalidate: ({ orderId }: { orderId: string }) => orderChanged(orderId) };

// The order commands, one per route; each answers the order, and refreshes it, the lists and the figures.

/** 开始实施 */
export const useStartOrder = () =>
  useCommand('start', ({ orderId }: { orderId: string }, key) => unwrap(api().POST('/orders/{orderId}/start', { ...path(orderId), headers: idem(key) })), refresh);

/** 实施完成, with the delivery note and its attachments. */
export const useCompleteOrder = () =>
  useCommand(
    'complete',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/complete', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/complete', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 催促 */
export const useUrgeOrder = () =>
  useCommand('urge', ({ orderId }: { orderId: string }, key) => unwrap(api().POST('/orders/{orderId}/urge', { ...path(orderId), headers: idem(key) })), refresh);

/** 驳回需求, with a reason. */
export const useRejectRequirements = () =>
  useCommand(
    'rejectRequirements',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/requirements/reject', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/requirements/reject', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 提交需求单 (PUT: the buyer may edit until work starts). */
export const useSubmitRequirements = () =>
  useCommand(
    'submitRequirements',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/requirements', 'put'> }, key) =>
      unwrap(api().PUT('/orders/{orderId}/requirements', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 确认完成 */
export const useConfirmOrder = () =>
  useCommand('confirmOrder', ({ orderId }: { orderId: string }, key) => unwrap(api().POST('/orders/{orderId}/confirm', { ...path(orderId), headers: idem(key) })), refresh);

/** 查看兑换码: the buyer of a delivered code order; the answer carries the codes. */
export const useRevealOrder = () =>
  useCommand('revealOrder', ({ orderId }: { orderId: string }, key) => unwrap(api().POST('/orders/{orderId}/reveal', { ...path(orderId), headers: idem(key) })), refresh);

/** 驳回验收, with a reason. */
export const useRejectCompletion = () =>
  useCommand(
    'rejectCompletion',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/reject-completion', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/reject-completion', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 取消 before work starts, the reason optional. */
export const useCancelOrder = () =>
  useCommand(
    'cancelOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/cancel', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/cancel', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 申诉, with a reason. */
export const useAppealOrder = () =>
  useCommand(
    'appealOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/appeal', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/appeal', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 裁决 of a disputed order (operator). */
export const useResolveOrder = () =>
  useCommand(
    'resolveOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/operator/orders/{orderId}/resolve', 'post'> }, key) =>
      unwrap(api().POST('/operator/orders/{orderId}/resolve', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** A message in the order's conversation, with attachments. */
export const useSendMessage = () =>
  useCommand(
    'sendMessage',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/messages', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/messages', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 评价 a completed order: also the product's ratings and its page. */
export const useRateOrder = () =>
  useCommand(
    'rateOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/review', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/review', { ...path(orderId), body, headers: idem(key) })),
    { invalidate: (_vars, review) => ratingChanged(review) },
  );

/** 修改评价: the buyer edits the rating within its edit window. */
export const useEditRating = () =>
  useCommand(
    'editRating',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/review', 'patch'> }, key) =>
      unwrap(api().PATCH('/orders/{orderId}/review', { ...path(orderId), body, headers: idem(key) })),
    { invalidate: (_vars, review) => ratingChanged(review) },
  );

/** 回复评价: the provider's one reply to the rating. */
export const useReplyRating = () =>
  useCommand(
    'replyRating',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/review/reply', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/review/reply', { ...path(orderId), body, headers: idem(key) })),
    { invalidate: (_vars, review) => ratingChanged(review) },
  );

/** Whether the API takes this file type as an attachment (the picker offers these). */
export const acceptsFile = (file: File) => isOneOf(ATTACHMENT_TYPES, file.type);

/** The file store refused the bytes (too large for the grant, the grant expired): the picker says so. */
export class UploadRefused extends Error {
  constructor(readonly status: number) {
    super(`upload refused (${status})`);
  }
}

/**
 * Uploads a file to the order (spec 4.1): ask for a presigned upload, then send the bytes straight to S3
 * (a presigned POST with its form fields); answers the attachment's id to reference, or undefined for a
 * file type the API does not take.
 */
export const uploadAttachment = async (orderId: string, file: File): Promise<string | undefined> => {
  const contentType = file.type;
  if (!isOneOf(ATTACHMENT_TYPES, contentType)) return undefined;
  const grant = await unwrap(
    api().POST('/orders/{orderId}/attachments', { ...path(orderId), body: { fileName: file.name, contentType, size: file.size }, headers: idem(crypto.randomUUID()) }),
  );
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.upload.fields)) form.append(k, v);
  form.append('file', file);
  const res = await fetch(grant.upload.url, { method: grant.upload.method, body: form });
  if (!res.ok) throw new UploadRefused(res.status);
  return grant.attachmentId;
};

/** Downloads the provider's order export (GET /provider/orders/export) with the list's filters. */
export const downloadExport = async (filters: ProviderOrderFilters) => {
  const blob = await unwrap(api().GET('/provider/orders/export', { params: { query: filters }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: `orders-${new Date().toISOString().slice(0, 10)}.csv` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Downloads an attachment: asked as a link (`Accept: application/json`), since fetch cannot follow the redirect to the bucket. */
export const downloadAttachment = async (orderId: string, attachmentId: string) => {
  // the presigned link names the file (Content-Disposition), so opening it downloads under the file's own name
  const link = await unwrap(
    api().GET('/orders/{orderId}/attachments/{attachmentId}', { params: { path: { orderId, attachmentId } }, headers: { Accept: 'application/json' } }),
  );
  Object.assign(document.createElement('a'), { href: link.url, rel: 'noopener' }).click();
};

// SaaS orders (spec 3.1)

/** 续费, by whole periods of the plan. */
export const useRenewOrder = () =>
  useCommand(
    'renewOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/renew', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/renew', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 变更规格 to another plan of the product as bought. */
export const useChangePlan = () =>
  useCommand(
    'changePlan',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/change-plan', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/change-plan', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );

/** 申请退款 within 5 days of purchase, with a reason. */
export const useRefundOrder = () =>
  useCommand(
    'refundOrder',
    ({ orderId, body }: { orderId: string; body: BodyOf<'/orders/{orderId}/refund', 'post'> }, key) =>
      unwrap(api().POST('/orders/{orderId}/refund', { ...path(orderId), body, headers: idem(key) })),
    refresh,
  );
