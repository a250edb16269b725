import { api, unwrap } from '../api/client';
import type { CatalogProduct, Page, ServiceType } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { ORDERS_KEY } from '../orders/hooks';
import type { OrderReview, OrderView } from '../orders/order-hooks';

/** A catalogue entry: the live content, and the rating aggregate once ratings exist (spec 4.2). */
export type CatalogEntry = CatalogProduct & { rating?: { average: number | null; count: number } };

/** The catalogue by service type, cursor paged. */
export const useCatalog = (serviceType: ServiceType | undefined) =>
  useCursorList<CatalogEntry>(['products', 'catalog', { serviceType }], (cursor) =>
    unwrap<Page<CatalogEntry>>(api().GET('/products', { params: { query: { serviceType, cursor, limit: 12 } } })),
  );

/** The product's ratings, newest first (`GET /products/{productId}/reviews`). */
export const useProductReviews = (productId: string | undefined) =>
  useCursorList<OrderReview & { orderId: string; planName?: string }>(
    ['products', 'reviews', productId],
    (cursor) => unwrap(api().GET('/products/{productId}/reviews', { params: { path: { productId: productId ?? '' }, query: { cursor, limit: 10 } } })),
    Boolean(productId),
  );

/** 购买: `POST /orders`; the order is created paid. */
export const useBuy = () =>
  useCommand(
    'buy',
    (body: { productId: string; planId: string; quantity: number }, key) =>
      unwrap<OrderView>(api().POST('/orders', { body: body, headers: idem(key) })),
    { invalidate: [ORDERS_KEY as unknown as string[]], success: false },
  );

/** The lowest sale price of a product's plans, in fen. */
export const lowestPrice = (p: Pick<CatalogProduct, 'plans'>) => Math.min(...p.plans.map((x) => x.price));
