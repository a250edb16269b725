import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { queryPage } from '../db/query';
import { queryMerged } from '../db/sharded';
import { Expr } from '../db/write';
import { productStatusShards } from '../products/repository';
import type { OrderHead } from '../orders/schemas';
import { parseHead } from '../orders/layout';
import { productItemSchema, type ProductItem } from '../products/schemas';
import { keyInstant } from '../shared/time-range';
import type { OperatorOrdersQuery, OperatorProductsQuery } from './schemas';

/** The purchase-time range as inclusive bounds on `<createdAt>#<orderId>`. */
const createdBounds = (q: OperatorOrdersQuery) => ({
  from: q.createdFrom ? keyInstant(q.createdFrom) : undefined,
  to: q.createdTo ? `${keyInstant(q.createdTo)}#~` : undefined,
});

const inRange = (o: OrderHead, q: OperatorOrdersQuery) =>
  (!q.createdFrom || o.createdAt >= keyInstant(q.createdFrom)) && (!q.createdTo || o.createdAt <= keyInstant(q.createdTo));

/** The filters that are not the principal key condition, as a filter expression. */
const orderFilter = (q: OperatorOrdersQuery, principal: 'providerId' | 'buyerId' | 'status' | 'none') => (e: Expr) =>
  [
    principal !== 'status' && q.status ? e.eq('status', q.status) : undefined,
    principal !== 'providerId' && q.providerId ? e.eq('providerId', q.providerId) : undefined,
    principal !== 'buyerId' && q.buyerId ? e.eq('buyerId', q.buyerId) : undefined,
    // the appeal queue sorts by appeal time, so there the purchase-time range is a filter
    principal === 'status' && q.status === 'disputed' && q.createdFrom ? `${e.name('createdAt')} >= ${e.value(keyInstant(q.createdFrom))}` : undefined,
    principal === 'status' && q.status === 'disputed' && q.createdTo ? `${e.name('createdAt')} <= ${e.value(keyInstant(q.createdTo))}` : undefined,
  ]
    .filter(Boolean)
    .join(' AND ') || undefined;

const parseOrders = (items: Record<string, unknown>[]) => items.map(parseHead);

/**
 * Access pattern: the operator's order search. One key condition carries the principal filter: the order
 * id (GetItem), the provider's orders (GSI1), the buyer's (GSI2), a status (GSI8, sharded; `disputed`
 * oldest appeal first) or every order (GSI7, sharded), all newest purchase first otherwise.
 */
export const searchOrders = async (q: OperatorOrdersQuery): Promise<{ items: OrderHead[]; nextCursor: string | null }> => {
  if (q.orderId) {
    const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.order(q.orderId) }));
    const order = out.Item?.type === 'order' ? parseHead(out.Item) : undefined;
    const matches =
      order &&
      (!q.status || order.status === q.status) &&
      (!q.providerId || order.providerId === q.providerId) &&
      (!q.buyerId || order.buyerId === q.buyerId) &&
      inRange(order, q);
    return { items: matches ? [order] : [], nextCursor: null };
  }
  const { from, to } = createdBounds(q);
  if (q.providerId || q.buyerId) {
    const principal = q.providerId ? 'providerId' : 'buyerId';
    const page = await queryPage({
      ...(q.providerId ? { index: 'GSI1' as const, pk: keys.providerOrders(q.providerId) } : { index: 'GSI2' as const, pk: keys.buyerOrders(q.buyerId!) }),
      range: from || to ? { from, to } : undefined,
      filter: orderFilter(q, principal),
      expr: new Expr(),
      limit: q.limit,
      cursor: q.cursor,
      newestFirst: true,
    });
    return { items: parseOrders(page.items), nextCursor: page.nextCursor };
  }
  if (q.status) {
    const appeals = q.status === 'disputed';
    const page = await queryMerged({
      index: 'GSI8',
      list: `orders:${q.status}`,
      shards: keys.ordersByStatusShards(q.status).map((pk) => ({ pk })),
      ...(appeals ? {} : { from, to }),
      filter: orderFilter(q, 'status'),
      limit: q.limit,
      cursor: q.cursor,
      newestFirst: !appeals,
    });
    return { items: parseOrders(page.items), nextCursor: page.nextCursor };
  }
  const page = await queryMerged({
    index: 'GSI7',
    list: 'orders:all',
    shards: keys.allOrdersShards().map((pk) => ({ pk })),
    from,
    to,
    limit: q.limit,
    cursor: q.cursor,
    newestFirst: true,
  });
  return { items: parseOrders(page.items), nextCursor: page.nextCursor };
};

const parseProducts = (items: Record<string, unknown>[]) => items.map((i) => productItemSchema.parse(i));

/**
 * Access pattern: the operator's product search, newest first: a provider's products (GSI1, status as a
 * filter on that small partition), a status (GSI8) or every product (GSI7); the service type is a filter.
 */
export const searchProducts = async (q: OperatorProductsQuery): Promise<{ items: ProductItem[]; nextCursor: string | null }> => {
  const typeFilter = (e: Expr) => (q.serviceType ? e.eq('draft.serviceType', q.serviceType) : undefined);
  if (q.providerId) {
    const page = await queryPage({
      index: 'GSI1',
      pk: keys.providerProducts(q.providerId),
      filter: (e) =>
        [
          typeFilter(e),
          q.status ? statusFilter(e, q.status) : undefined,
        ]
          .filter(Boolean)
          .join(' AND ') || undefined,
      expr: new Expr(),
      limit: q.limit,
      cursor: q.cursor,
      newestFirst: true,
    });
    return { items: parseProducts(page.items), nextCursor: page.nextCursor };
  }
  const page = q.status
    ? await queryMerged({ index: 'GSI8', list: `products:${q.status}`, shards: productStatusShards(q.status, (listing) => keys.productsByListing(listing)), filter: typeFilter, limit: q.limit, cursor: q.cursor, newestFirst: true })
    : await queryMerged({ index: 'GSI7', list: 'products:all', shards: [{ pk: keys.allProducts }], filter: typeFilter, limit: q.limit, cursor: q.cursor, newestFirst: true });
  // the review code leads GSI8's sort key; within one status the product id (a ULID) orders by creation
  return { items: parseProducts(page.items), nextCursor: page.nextCursor };
};

/** A status as a filter on the product's two facts (the provider's own partition). */
const statusFilter = (e: Expr, status: NonNullable<OperatorProductsQuery["status"]>) => {
  switch (status) {
    case 'listed':
      return e.eq('listing', 'listed');
    case 'in_review':
      return `${e.name('listing')} <> ${e.value('listed')} AND ${e.eq('review', 'in_review')}`;
    case 'delisted':
      return `${e.eq('listing', 'delisted')} AND ${e.name('review')} <> ${e.value('in_review')}`;
    case 'rejected':
      return `${e.eq('listing', 'unlisted')} AND ${e.eq('review', 'rejected')}`;
    case 'draft':
      return `${e.eq('listing', 'unlisted')} AND ${e.name('review')} IN (${e.value('draft')}, ${e.value('none')})`;
  }
};
