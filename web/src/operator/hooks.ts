import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, unwrap } from '../api/client';
import type { BodyOf } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { productChanged } from '../products/keys';
import { operatorKeys, type ProductSearch } from './keys';

export type { ProductSearch };
export { useOperatorOrders, type OrderSearch } from '../orders/hooks';

const reviewPage = (cursor: string | undefined, limit: number) => unwrap(api().GET('/operator/reviews', { params: { query: { cursor, limit } } }));

/** The review queue, oldest submission first. */
export const useReviewQueue = () => useCursorList(operatorKeys.reviewQueue(), (cursor) => reviewPage(cursor, 20));

/**
 * One product waiting for review, with its content and history (`GET /operator/products/{productId}`: the
 * queue's rows carry only the cards of its content). Null when it is absent or no longer in review.
 */
export const useReviewItem = (productId: string | undefined) =>
  useQuery({
    queryKey: operatorKeys.review(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: async () => {
      try {
        const product = await unwrap(api().GET('/operator/products/{productId}', { params: { path: { productId: productId! } } }));
        return product.reviewState === 'in_review' ? product : null;
      } catch (err) {
        if (err instanceof ApiProblem && err.status === 404) return null;
        throw err;
      }
    },
  });

const refresh = { invalidate: ({ productId }: { productId: string }) => productChanged(productId) };

/** 通过: approves exactly the version that was reviewed (a later edit answers 409). */
export const useApprove = (onSuccess?: () => void) =>
  useCommand(
    'approveProduct',
    ({ productId, body }: { productId: string; body: BodyOf<'/operator/products/{productId}/approve', 'post'> }, key) =>
      unwrap(api().POST('/operator/products/{productId}/approve', { params: { path: { productId } }, body, headers: idem(key) })),
    { ...refresh, onSuccess },
  );

/** 驳回 with a reason, for the version reviewed. */
export const useReject = (onSuccess?: () => void) =>
  useCommand(
    'rejectProduct',
    ({ productId, body }: { productId: string; body: BodyOf<'/operator/products/{productId}/reject', 'post'> }, key) =>
      unwrap(api().POST('/operator/products/{productId}/reject', { params: { path: { productId } }, body, headers: idem(key) })),
    { ...refresh, onSuccess },
  );

/** 违规下架: a platform takedown with a reason. */
export const useTakedown = () =>
  useCommand(
    'takedownProduct',
    ({ productId, body }: { productId: string; body: BodyOf<'/operator/products/{productId}/delist', 'post'> }, key) =>
      unwrap(api().POST('/operator/products/{productId}/delist', { params: { path: { productId } }, body, headers: idem(key) })),
    refresh,
  );

/** Every product (`GET /operator/products`). */
export const useOperatorProducts = (filters: ProductSearch) =>
  useCursorList(operatorKeys.productSearch(filters), (cursor) => unwrap(api().GET('/operator/products', { params: { query: { ...filters, cursor, limit: 20 } } })));
