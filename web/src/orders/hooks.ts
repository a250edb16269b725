import type { components } from '../api/schema';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Order, OrderStatus, Page } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { UNREAD_KEY } from '../app/unread';
import { idem, useCommand } from '../app/use-command';

export const ORDERS_KEY = ['orders'] as const;

export interface ProviderOrderFilters {
  status?: OrderStatus;
  productId?: string;
  createdFrom?: string;
  createdTo?: string;
  completedFrom?: string;
  completedTo?: string;
}

/** 订单管理: the provider's orders with the guide's filters, cursor paged. */
export const useProviderOrders = (filters: ProviderOrderFilters) =>
  useCursorList<Order>([...ORDERS_KEY, 'provider', filters], (cursor) =>
    unwrap<Page<Order>>(api().GET('/provider/orders', { params: { query: { ...filters, cursor, limit: 20 } } })),
  );

export const useOrder = (orderId: string | undefined) =>
  useQuery({
    queryKey: [...ORDERS_KEY, 'one', orderId],
    enabled: Boolean(orderId),
    queryFn: () => unwrap<Order>(api().GET('/orders/{orderId}', { params: { path: { orderId: orderId! } } })),
  });

/** Fetches one order by its number (the list's 订单号 filter is an exact lookup). */
export const fetchOrder = (orderId: string) =>
  unwrap<Order>(api().GET('/orders/{orderId}', { params: { path: { orderId } } }));

const invalidate = [ORDERS_KEY as unknown as string[], UNREAD_KEY as unknown as string[]];
const path = (orderId: string) => ({ params: { path: { orderId } } });

/** The provider's order commands of the guide: 开始实施, 实施完成, 催促, 驳回需求. */
export const useStartOrder = () =>
  useCommand('start', (orderId: string, key) => unwrap<Order>(api().POST('/orders/{orderId}/start', { ...path(orderId), headers: idem(key) })), { invalidate });

export const useCompleteOrder = () =>
  useCommand('complete', ({ orderId, note, attachments }: { orderId: string; note: string; attachments?: string[] }, key) =>
    unwrap<Order>(api().POST('/orders/{orderId}/complete', { ...path(orderId), body: { note, ...(attachments?.length ? { attachments } : {}) }, headers: idem(key) })), { invalidate });

export const useUrgeOrder = () =>
  useCommand('urge', (orderId: string, key) => unwrap<Order>(api().POST('/orders/{orderId}/urge', { ...path(orderId), headers: idem(key) })), { invalidate });

export const useRejectRequirements = () =>
  useCommand('rejectRequirements', ({ orderId, reason }: { orderId: string; reason: string }, key) =>
    unwrap<Order>(api().POST('/orders/{orderId}/requirements/reject', { ...path(orderId), body: { reason }, headers: idem(key) })), { invalidate });

/** Downloads the provider's order export (GET /provider/orders/export, issue 8) with the list's filters. */
export const downloadExport = async (filters: ProviderOrderFilters) => {
  const blob = await unwrap<Blob>(api().GET('/provider/orders/export', { params: { query: filters }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: `orders-${new Date().toISOString().slice(0, 10)}.csv` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Downloads an attachment: the API answers a redirect to a short-lived download URL (issue 9). */
export const downloadAttachment = async (orderId: string, attachmentId: string) => {
  // the link, not the redirect: fetch cannot follow a redirect to the bucket's origin; the presigned link
  // names the file (Content-Disposition), so opening it downloads under the file's own name
  const link = await unwrap<components['schemas']['DownloadLink']>(
    api().GET('/orders/{orderId}/attachments/{attachmentId}', { params: { path: { orderId, attachmentId } }, headers: { Accept: 'application/json' } }),
  );
  Object.assign(document.createElement('a'), { href: link.url, rel: 'noopener' }).click();
};
