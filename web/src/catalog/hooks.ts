import { api, unwrap } from '../api/client';
import type { BodyOf, Plan, ServiceType } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { orderKeys } from '../orders/keys';
import { dashboardKeys } from '../dashboard/keys';
import { catalogKeys } from './keys';

/** The catalogue by service type, cursor paged. */
export const useCatalog = (serviceType: ServiceType | undefined) =>
  useCursorList(catalogKeys.list({ serviceType }), (cursor) => unwrap(api().GET('/products', { params: { query: { serviceType, cursor, limit: 12 } } })));

/** The product's ratings, newest first (`GET /products/{productId}/reviews`). */
export const useProductReviews = (productId: string | undefined) =>
  useCursorList(
    catalogKeys.reviews(productId ?? ''),
    (cursor) => unwrap(api().GET('/products/{productId}/reviews', { params: { path: { productId: productId ?? '' }, query: { cursor, limit: 10 } } })),
    Boolean(productId),
  );

/** 购买: `POST /orders`; the order is created paid (a new order in the lists and the provider's figures). */
export const useBuy = () =>
  useCommand('buy', (body: BodyOf<'/orders', 'post'>, key) => unwrap(api().POST('/orders', { body, headers: idem(key) })), {
    invalidate: [orderKeys.lists(), dashboardKeys.all],
    success: false,
  });

/** The lowest sale price of a product's plans, in fen. */
export const lowestPrice = (p: { plans: Plan[] }) => Math.min(...p.plans.map((x) => x.price));
