import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { indexes, keys } from '../db/keys';
import { updateExpression } from '../db/item';
import { queryPage, type Page } from '../db/query';
import { ConditionFailed, Expr, transactWrite, updateItem } from '../db/write';
import { ConflictError, ConflictOfInterestError, NotFoundError } from '../http/errors';
import { msg } from '../i18n';
import { productItem } from '../products/items';
import type { ProductHead } from '../products/schemas';
import { parseProductHead } from '../products/layout';
import { salePut } from '../products/sale';
import { creditCodeItem, organisationItem, organisationSchema, type Organisation, type OrganisationStatus } from '../providers/items';
import { newId } from '../shared/ids';
import { organisationEntryItem } from './items';
import { nextStatus, type SuspensionAction } from './model';
import type { OperatorProvidersQuery } from './schemas';
import { unwrapRows } from '../db/row';

const parseOrganisation = (item: Record<string, unknown>): Organisation => organisationSchema.parse(item);

/** One organisation by id (GetItem); undefined when absent. */
export const getOrganisation = async (providerId: string, consistent = false): Promise<Organisation | undefined> => {
  const out = await ddb.send(new GetCommand({ TableName: tableName, Key: organisationItem.key({ providerId }), ConsistentRead: consistent || undefined }));
  return out.Item && organisationItem.is(out.Item) ? parseOrganisation(out.Item) : undefined;
};

/** The highest code point: `<prefix><this>` bounds every sort key that begins with the prefix. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * Access pattern: the operator's organisations (GET /operator/providers), each filter a key condition: a credit
 * code is one GetItem of its guard then the organisation; a status is GSI8 `ORGANISATIONS#<status>`, otherwise
 * GSI7 `ORGANISATIONS`; a name prefix is the range `[<prefix>, <prefix>\u{10FFFF}]` on their `<name>#<providerId>`.
 */
export const listOrganisations = async (q: OperatorProvidersQuery): Promise<Page<Organisation>> => {
  if (q.creditCode) {
    const guard = await ddb.send(new GetCommand({ TableName: tableName, Key: creditCodeItem.key({ creditCode: q.creditCode }) }));
    const org = guard.Item ? await getOrganisation(String(guard.Item.providerId)) : undefined;
    const matches = org && (!q.status || org.status === q.status) && (!q.name || org.name.startsWith(q.name));
    return { items: matches ? [org] : [], nextCursor: null };
  }
  const page = await queryPage({
    index: q.status ? 'GSI8' : 'GSI7',
    pk: q.status ? keys.organisationsIn(q.status) : keys.allOrganisations,
    range: q.name ? { from: q.name, to: `${q.name}${AFTER_PREFIX}` } : undefined,
    expr: new Expr(),
    limit: q.limit,
    cursor: q.cursor,
  });
  return { items: page.items.map(parseOrganisation), nextCursor: page.nextCursor };
};

/** Products a sweep updates at once. */
const SWEEP_PARALLEL = 25;

/** Every product of an organisation (GSI1 `PROVIDER#<providerId>#PRODUCTS`, page by page). */
const organisationProducts = async function* (providerId: string): AsyncGenerator<ProductHead[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexes.GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': indexes.GSI1.pk },
        ExpressionAttributeValues: { ':pk': keys.providerProducts(providerId) },
        ExclusiveStartKey: start,
      }),
    );
    yield unwrapRows(out.Items).filter((i) => productItem.is(i)).map((i) => parseProductHead(i));
    start = out.LastEvaluatedKey;
  } while (start);
};

/**
 * Hides (`suspended: true`) or shows one product: the catalogue places are the declaration's `when`, rebuilt from
 * the product as read. Showing is conditioned on the version read (the keys come from it); a product changed in
 * between is read again, a product deleted in between is skipped.
 */
const markProduct = async (read: ProductHead, suspended: boolean): Promise<void> => {
  let product: ProductHead | undefined = read;
  for (let tries = 0; product && tries < 3; tries++) {
    if ((product.suspended === true) === suspended) return;
    const expr = new Expr();
    const change = productItem.update(expr, { suspended: suspended ? true : undefined }, product, true);
    const conditions = [`attribute_exists(${expr.name('PK')})`, expr.eq('version', product.version)];
    const head = {
      Update: {
        TableName: tableName,
        Key: productItem.key({ productId: product.productId }),
        UpdateExpression: updateExpression(change.sets, change.removes),
        ConditionExpression: conditions.join(' AND '),
        ...expr.attrs(),
      },
    };
    try {
      // a listed product's sale state (what a purchase checks) follows, in the same transaction
      if (product.listing === 'listed') await transactWrite({ product: head, sale: salePut({ ...product, suspended: suspended ? true : undefined }) });
      else await updateItem(head.Update);
      return;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      const seen = err.item;
      product = seen && productItem.is(seen) ? parseProductHead(seen) : undefined;
    }
  }
  if (product) throw new ConflictError('CONCURRENT_UPDATE', msg('detail.concurrentUpdate'));
};

/**
 * Hides or shows every product of an organisation (docs/decisions.md: every product, so that nothing in review is
 * approved into the catalogue meanwhile), SWEEP_PARALLEL at a time. Idempotent: a product already as wanted is not
 * written. Returns how many products it changed.
 */
export const sweepProducts = async (providerId: string, suspended: boolean): Promise<number> => {
  let changed = 0;
  for await (const page of organisationProducts(providerId)) {
    const todo = page.filter((p) => (p.suspended === true) !== suspended);
    for (let i = 0; i < todo.length; i += SWEEP_PARALLEL) {
      await Promise.all(todo.slice(i, i + SWEEP_PARALLEL).map((p) => markProduct(p, suspended)));
    }
    changed += todo.length;
  }
  return changed;
};

/**
 * 暂停 / 恢复: one transaction of the organisation's status (conditioned on the status the action leaves), its
 * timeline entry (the stream makes `provider.suspended` / `provider.reinstated`) and the check that the operator
 * is no member of it (403 CONFLICT_OF_INTEREST); then the organisation's products are hidden or shown. An
 * organisation already in the target status answers 409, after sweeping its products again (so a request that
 * stopped half way is finished by its retry).
 */
export const changeOrganisationStatus = async (
  operatorId: string,
  providerId: string,
  action: SuspensionAction,
  reason: string | undefined,
  now: Date,
): Promise<Organisation> => {
  const { from, to } = nextStatus(action);
  const at = now.toISOString();
  const expr = new Expr();
  const changed: Partial<Organisation> = { status: to, updatedAt: at, suspension: action === 'suspend' ? { reason: reason ?? '', at, by: operatorId } : undefined };
  const update = organisationItem.update(expr, changed, { providerId });
  const entryId = newId(now.getTime());
  try {
    await transactWrite({
      organisation: {
        Update: {
          TableName: tableName,
          Key: organisationItem.key({ providerId }),
          UpdateExpression: updateExpression(update.sets, update.removes),
          ConditionExpression: `${expr.eq('type', organisationItem.type)} AND ${expr.eq('status', from)}`,
          ...expr.attrs(),
        },
      },
      // separation of duties: an operator never suspends or reinstates their own organisation
      membership: {
        ConditionCheck: { TableName: tableName, Key: keys.membership(operatorId, providerId), ConditionExpression: 'attribute_not_exists(PK)' },
      },
      entry: {
        Put: {
          TableName: tableName,
          Item: organisationEntryItem.item({
            entity: 'organisation',
            entryId,
            providerId,
            action,
            actor: operatorId,
            role: 'operator',
            at,
            data: reason ? { reason } : {},
          }),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    });
  } catch (err) {
    if (ConditionFailed.of(err, 'membership')) throw new ConflictOfInterestError(msg('detail.operatorOwnOrganisation'));
    if (!ConditionFailed.of(err, 'organisation')) throw err;
    const seen = err.item;
    if (!seen || !organisationItem.is(seen)) throw new NotFoundError('organisation');
    if (err.allFailed.includes('membership')) throw new ConflictOfInterestError(msg('detail.operatorOwnOrganisation'));
    // already in the target status: finish a sweep that may have stopped half way, then refuse
    if (seen.status === to) await sweepProducts(providerId, to === 'suspended');
    throw new ConflictError('INVALID_STATE', msg(to === 'suspended' ? 'detail.alreadySuspended' : 'detail.notSuspended'), {
      currentStatus: seen.status as OrganisationStatus,
    });
  }
  await sweepProducts(providerId, to === 'suspended');
  const org = await getOrganisation(providerId, true);
  if (!org) throw new NotFoundError('organisation');
  return org;
};
