import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Order, OrderStatus, Page, ProductStatus, ProviderProduct, ServiceType } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { ORDERS_KEY } from '../orders/hooks';

export const REVIEWS_KEY = ['operator', 'reviews'] as const;
export const OPERATOR_PRODUCTS_KEY = ['operator', 'products'] as const;

/** The review queue, oldest submission first. */
export const useReviewQueue = () =>
  useCursorList<ProviderProduct>([...REVIEWS_KEY, 'list'], (cursor) =>
    unwrap<Page<ProviderProduct>>(api().GET('/operator/reviews', { params: { query: { cursor, limit: 20 } } })),
  );

/**
 * One product waiting for review: taken from the queue already read, else found by reading the queue
 * (it is short and there is no operator read of a single product).
 */
export const useReviewItem = (productId: string | undefined) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...REVIEWS_KEY, 'one', productId],
    enabled: Boolean(productId),
    queryFn: async () => {
      let cursor: string | undefined;
      for (let i = 0; i < 20; i += 1) {
        const page = await unwrap<Page<ProviderProduct>>(api().GET('/operator/reviews', { params: { query: { cursor, limit: 100 } } }));
        const hit = page.items.find((p) => p.productId === productId);
        if (hit) return hit;
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return null;
    },
    initialData: () =>
      qc
        .getQueriesData<{ pages: Page<ProviderProduct>[] }>({ queryKey: [...REVIEWS_KEY, 'list'] })
        .flatMap(([, d]) => d?.pages.flatMap((p) => p.items) ?? [])
        .find((p) => p.productId === productId),
  });
};

const reviewInvalidate = [REVIEWS_KEY as unknown as string[], OPERATOR_PRODUCTS_KEY as unknown as string[], ['products']];

/** 通过: approves exactly the version that was reviewed (a later edit answers 409). */
export const useApprove = (onSuccess?: () => void) =>
  useCommand(
    'approveProduct',
    ({ productId, version }: { productId: string; version: number }, key) =>
      unwrap<ProviderProduct>(api().POST('/operator/products/{productId}/approve', { params: { path: { productId } }, body: { version }, headers: idem(key) })),
    { invalidate: reviewInvalidate, onSuccess },
  );

/** 驳回 with a reason, for the version reviewed. */
export const useReject = (onSuccess?: () => void) =>
  useCommand(
    'rejectProduct',
    ({ productId, version, reason }: { productId: string; version: number; reason: string }, key) =>
      unwrap<ProviderProduct>(api().POST('/operator/products/{productId}/reject', { params: { path: { productId } }, body: { version, reason }, headers: idem(key) })),
    { invalidate: reviewInvalidate, onSuccess },
  );

/** 违规下架: a platform takedown with a reason (issue-8 route). */
export const useTakedown = () =>
  useCommand(
    'takedownProduct',
    ({ productId, reason }: { productId: string; reason: string }, key) =>
      unwrap<ProviderProduct>(api().POST('/operator/products/{productId}/delist', { params: { path: { productId } }, body: { reason }, headers: idem(key) })),
    { invalidate: reviewInvalidate },
  );

export interface OrderSearch {
  status?: OrderStatus;
  orderId?: string;
  providerId?: string;
  buyerId?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** Every order (`GET /operator/orders`); `status: disputed` is the appeal queue, oldest appeal first. */
export const useOperatorOrders = (filters: OrderSearch) =>
  useCursorList<Order & { appeal?: { by: string; role: string; reason: string; at: string } | null }>([...ORDERS_KEY, 'operator', filters], (cursor) =>
    unwrap(api().GET('/operator/orders', { params: { query: { ...filters, cursor, limit: 20 } } })),
  );

export interface ProductSearch {
  status?: ProductStatus;
  providerId?: string;
  serviceType?: ServiceType;
}

/** Every product (`GET /operator/products`). */
export const useOperatorProducts = (filters: ProductSearch) =>
  useCursorList<ProviderProduct>([...OPERATOR_PRODUCTS_KEY, filters], (cursor) =>
    unwrap(api().GET('/operator/products', { params: { query: { ...filters, cursor, limit: 20 } } })),
  );
