import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { queryPage } from '../db/query';
import { queryMerged } from '../db/sharded';
import { Expr } from '../db/write';
import { draftTypeFilter, productStatusShards } from '../products/repository';
import type { OrderRow } from '../orders/schemas';
import { parseRow } from '../orders/layout';
import { partyStatusIndex, partyStatusPartitions } from '../orders/items';
import type { ProductHead } from '../products/schemas';
import { parseProductHead } from '../products/layout';
import { keyInstant } from '../shared/time-range';
import { ValidationError } from '../http/errors';
import { msg } from '../i18n';
import { peopleByEmail } from '../people/directory';
import { creditCodeItem, organisationItem } from '../providers/items';
import type { OperatorOrdersQuery, OperatorProductsQuery } from './schemas';

/** The purchase-time range as inclusive bounds on `<createdAt>#<orderId>`. */
const createdBounds = (q: OperatorOrdersQuery) => ({
  from: q.createdFrom ? keyInstant(q.createdFrom) : undefined,
  to: q.createdTo ? `${keyInstant(q.createdTo)}#~` : undefined,
});

const inRange = (o: OrderRow, q: OperatorOrdersQuery) =>
  (!q.createdFrom || o.createdAt >= keyInstant(q.createdFrom)) && (!q.createdTo || o.createdAt <= keyInstant(q.createdTo));

/** The filters that are not the principal key condition, as a filter expression (on one partition or a few). */
const orderFilter =
  (q: OperatorOrdersQuery & { providerIds?: string[]; buyerIds?: string[] }, principal: 'providerId' | 'buyerId' | 'status' | 'none') =>
  (e: Expr) =>
    [
      principal !== 'status' && q.status ? e.eq('status', q.status) : undefined,
      principal !== 'providerId' && q.providerIds ? oneOf(e, 'providerId', q.providerIds) : undefined,
      principal !== 'buyerId' && q.buyerIds ? oneOf(e, 'buyerId', q.buyerIds) : undefined,
      // the appeal queue sorts by appeal time, so there the purchase-time range is a filter
      principal === 'status' && q.status === 'disputed' && q.createdFrom ? `${e.name('createdAt')} >= ${e.value(keyInstant(q.createdFrom))}` : undefined,
      principal === 'status' && q.status === 'disputed' && q.createdTo ? `${e.name('createdAt')} <= ${e.value(keyInstant(q.createdTo))}` : undefined,
    ]
      .filter(Boolean)
      .join(' AND ') || undefined;

const oneOf = (e: Expr, attr: string, ids: string[]) =>
  ids.length === 1 ? e.eq(attr, ids[0]) : `${e.name(attr)} IN (${ids.map((id) => e.value(id)).join(', ')})`;


// ---- Whom a search names: organisations by name prefix, credit code or a member's email, buyers by email,
// each resolved to ids by key conditions before the search (docs/decisions.md)

/** The most organisations one search merges (a name prefix or an email naming more answers 400). */
export const SEARCH_ORGANISATIONS = 5;

/** The highest code point: `<prefix><this>` bounds every sort key that begins with the prefix. */
const AFTER_PREFIX = '\u{10FFFF}';

const tooMany = (path: string) => new ValidationError([{ path, message: msg('field.tooManyOrganisations', { max: SEARCH_ORGANISATIONS }) }]);

const narrow = (ids: string[] | undefined, found: string[]) => (ids ? ids.filter((id) => found.includes(id)) : [...new Set(found)]);

interface OrganisationFilters {
  providerId?: string;
  providerName?: string;
  creditCode?: string;
  providerEmail?: string;
}

/** The organisations whose names begin with a prefix: GSI7 `ORGANISATIONS`, their ids from `<name>#<providerId>`. */
const organisationsByName = async (prefix: string): Promise<string[]> => {
  const { pk, sk } = indexes.GSI7;
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: indexes.GSI7.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
      ExpressionAttributeValues: { ':pk': keys.allOrganisations, ':from': prefix, ':to': `${prefix}${AFTER_PREFIX}` },
      Limit: SEARCH_ORGANISATIONS + 1,
    }),
  );
  return (out.Items ?? []).map((i) => String(i[sk])).map((k) => k.slice(k.lastIndexOf('#') + 1));
};

/** The organisations a person belongs to: their `MEMBER#<providerId>` items (one Query of their partition). */
const organisationsOf = async (userId: string): Promise<string[]> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      ExpressionAttributeValues: { ':pk': keys.person(userId), ':member': keys.membershipPrefix },
      ProjectionExpression: 'SK',
    }),
  );
  return (out.Items ?? []).map((i) => String(i.SK).slice(keys.membershipPrefix.length));
};

/**
 * The organisations a search names (each filter narrows the others), or undefined when it names none: an id;
 * a credit code (GetItem of its guard); a name prefix (GSI7, at most SEARCH_ORGANISATIONS, else 400); a member's
 * email (the user pool, then their memberships; at most SEARCH_ORGANISATIONS).
 */
export const organisationsNamed = async (q: OrganisationFilters): Promise<string[] | undefined> => {
  let ids: string[] | undefined = q.providerId ? [q.providerId] : undefined;
  if (q.creditCode && ids?.length !== 0) {
    const guard = await ddb.send(new GetCommand({ TableName: tableName, Key: creditCodeItem.key({ creditCode: q.creditCode }) }));
    ids = narrow(ids, guard.Item?.providerId ? [String(guard.Item.providerId)] : []);
  }
  if (q.providerName && ids?.length !== 0) {
    const prefix = q.providerName;
    if (ids) {
      const named = await Promise.all(
        ids.map(async (id) => {
          const out = await ddb.send(new GetCommand({ TableName: tableName, Key: organisationItem.key({ providerId: id }), ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'name' } }));
          return typeof out.Item?.name === 'string' && out.Item.name.startsWith(prefix) ? id : undefined;
        }),
      );
      ids = named.filter((id): id is string => !!id);
    } else {
      ids = await organisationsByName(prefix);
      if (ids.length > SEARCH_ORGANISATIONS) throw tooMany('providerName');
    }
  }
  if (q.providerEmail && ids?.length !== 0) {
    const people = await peopleByEmail(q.providerEmail);
    const found = [...new Set((await Promise.all(people.map(organisationsOf))).flat())];
    if (!ids && found.length > SEARCH_ORGANISATIONS) throw tooMany('providerEmail');
    ids = narrow(ids, found);
  }
  return ids;
};

/** The buyers a search names: an id, a person's email (the user pool), both narrowing; undefined when none. */
export const buyersNamed = async (q: { buyerId?: string; buyerEmail?: string }): Promise<string[] | undefined> => {
  let ids: string[] | undefined = q.buyerId ? [q.buyerId] : undefined;
  if (q.buyerEmail && ids?.length !== 0) ids = narrow(ids, await peopleByEmail(q.buyerEmail));
  return ids;
};

/** A merged list's cursor is bound to the ids it merged: another set (an organisation created meanwhile) is 400. */
const setOf = (ids: string[]) => createHash('sha256').update([...ids].sort().join(',')).digest('base64url').slice(0, 16);

const nothing = { items: [], nextCursor: null };

const parseOrders = (items: Record<string, unknown>[]) => items.map(parseRow);

/**
 * Access pattern: the operator's order search. Key conditions carry the principal filter: the order id
 * (GetItem), the organisations' status partitions (GSI5) or the buyers' (GSI6), merged, a status (GSI8,
 * sharded; `disputed` oldest appeal first) or every order (GSI7, sharded), all newest purchase first otherwise.
 */
export const searchOrders = async (q: OperatorOrdersQuery): Promise<{ items: OrderRow[]; nextCursor: string | null }> => {
  const [providers, buyers] = await Promise.all([organisationsNamed(q), buyersNamed(q)]);
  if (providers?.length === 0 || buyers?.length === 0) return nothing;
  if (q.orderId) {
    const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.order(q.orderId) }));
    const order = out.Item?.type === 'order' ? parseRow(out.Item) : undefined;
    const matches =
      order &&
      (!q.status || order.status === q.status) &&
      (!providers || providers.includes(order.providerId)) &&
      (!buyers || buyers.includes(order.buyerId)) &&
      inRange(order, q);
    return { items: matches ? [order] : [], nextCursor: null };
  }
  const { from, to } = createdBounds(q);
  const filters = { ...q, providerIds: providers, buyerIds: buyers };
  if (buyers || providers) {
    // organisations (or people) searched: the status partitions of each (the one status searched, or every
    // status), merged newest first
    const byProvider = !buyers;
    const ids = (byProvider ? providers : buyers)!;
    const parties = ids.map((id) => (byProvider ? { providerId: id } : { buyerId: id }));
    const page = await queryMerged({
      index: partyStatusIndex(parties[0]),
      list: `orders:${byProvider ? 'providers' : 'buyers'}:${q.status ?? ''}:${setOf(ids)}`,
      shards: parties.flatMap((party) => partyStatusPartitions(party, q.status)),
      from,
      to,
      filter: orderFilter(byProvider ? q : filters, byProvider ? 'providerId' : 'buyerId'),
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

/** The products of a page of list rows: their heads (the summary rows). */
const parseProducts = (items: Record<string, unknown>[]) => items.map(parseProductHead);

/**
 * Access pattern: the operator's product search, newest first: a provider's products (GSI1, status as a
 * filter on that small partition), a status (GSI8) or every product (GSI7); the service type is a filter.
 */
export const searchProducts = async (q: OperatorProductsQuery): Promise<{ items: ProductHead[]; nextCursor: string | null }> => {
  const typeFilter = (e: Expr) => (q.serviceType ? draftTypeFilter(e, q.serviceType) : undefined);
  const providers = await organisationsNamed(q);
  if (providers?.length === 0) return nothing;
  if (providers?.length === 1) {
    const page = await queryPage({
      index: 'GSI1',
      pk: keys.providerProducts(providers[0]),
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
  if (providers) {
    // several organisations: their partitions merged, by status their listing partitions (GSI5) behind review codes
    const page = await queryMerged({
      index: q.status ? 'GSI5' : 'GSI1',
      list: `products:providers:${q.status ?? ''}:${setOf(providers)}`,
      shards: q.status
        ? providers.flatMap((id) => productStatusShards(q.status!, (listing) => keys.providerProductsByListing(id, listing)))
        : providers.map((id) => ({ pk: keys.providerProducts(id) })),
      filter: typeFilter,
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
