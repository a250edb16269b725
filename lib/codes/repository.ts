import { createHmac, randomBytes } from 'node:crypto';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { invalidCursor } from '../db/query';
import { ConditionFailed, transactWrite, type NamedWrites } from '../db/write';
import { ConflictError, NotFoundError, TemporarilyUnavailableError, ValidationError } from '../http/errors';
import { msg } from '../i18n';
import type { ProductItem } from '../products/schemas';
import { productAmong } from '../products/layout';
import { secretBox } from '../shared/secret-box';
import { codeHashItem, codeItem, codeKeyItem, codeStockItem } from './items';
import { availableOf, CODES_PER_TRANSACTION, codeContext, hintOf, keyContext, seqsOf } from './model';
import { codeItemSchema, saleItemSchema, stockItemSchema, type CodeSlots, type CodesView, type PlanStock, type UploadCodesInput } from './schemas';

type Item = Record<string, unknown>;

const UPLOAD_RETRIES = 5;

/** The plans a product offers now: the content being edited, else the live one (a listed product's plans). */
const plansOf = (p: ProductItem) => {
  const byId = new Map<string, string>();
  for (const plan of [...(p.live?.plans ?? []), ...p.draft.plans]) byId.set(plan.planId, plan.name);
  return byId;
};

const isCodeProduct = (p: ProductItem) => p.draft.delivery === 'code' || p.live?.delivery === 'code';

const notCodeProduct = () => new ConflictError('NOT_CODE_DELIVERY', msg('detail.notCodeDelivery'));

/**
 * Access pattern: a product with its plans' code stock and its hash key, one Query on the product's partition
 * (`CODEKEY` ≤ SK ≤ `PRODUCT#BODY`: the key, every `CODESTOCK#<planId>`, the product's head and body; its timeline sorts after).
 */
export const readProductWithCodes = async (productId: string, consistent = true) => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': keys.product(productId).PK, ':a': keys.codeKey(productId).SK, ':b': keys.productBody(productId).SK },
      ConsistentRead: consistent,
    }),
  );
  const items = out.Items ?? [];
  const stocks: Record<string, PlanStock> = {};
  for (const i of items) if (codeStockItem.is(i)) stocks[String(i.planId)] = stockItemSchema.parse(i);
  return {
    product: productAmong(items, productId),
    stocks,
    sealedKey: items.find((i) => i.SK === keys.codeKey(productId).SK)?.sealedKey as string | undefined,
  };
};

/** The organisation's own product (someone else's answers 404 like an absent one), with its stock and hash key. */
const readOwn = async (providerId: string, productId: string) => {
  const read = await readProductWithCodes(productId);
  if (!read.product || read.product.providerId !== providerId) throw new NotFoundError('product');
  return { ...read, product: read.product };
};

/** The product's hash key: opened, or made (a concurrent first upload's key wins, and is read back). */
const hashKeyOf = async (productId: string, sealedKey: string | undefined): Promise<Buffer> => {
  if (sealedKey) return Buffer.from(await secretBox().open(sealedKey, keyContext(productId)), 'base64');
  const fresh = randomBytes(32).toString('base64');
  const sealed = await secretBox().seal(fresh, keyContext(productId));
  try {
    await ddb.send(
      new PutCommand({ TableName: tableName, Item: codeKeyItem.item({ productId, sealedKey: sealed }), ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return Buffer.from(fresh, 'base64');
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    const out = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.codeKey(productId), ConsistentRead: true }));
    return Buffer.from(await secretBox().open(out.Item!.sealedKey as string, keyContext(productId)), 'base64');
  }
};

const hashOf = (key: Buffer, code: string) => createHmac('sha256', key).update(code, 'utf8').digest('hex');

/** The indexes of codes already uploaded for the product (BatchGetItem of their hashes, 100 a call). */
const alreadyUploaded = async (productId: string, hashes: string[]): Promise<number[]> => {
  const found = new Set<string>();
  const chunks: string[][] = [];
  for (let i = 0; i < hashes.length; i += 100) chunks.push(hashes.slice(i, i + 100));
  await Promise.all(
    chunks.map(async (chunk) => {
      let request: Record<string, unknown>[] | undefined = chunk.map((h) => keys.codeHash(productId, h));
      for (let attempt = 0; request?.length && attempt < 8; attempt++) {
        const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: request, ConsistentRead: true, ProjectionExpression: 'PK' } } }));
        for (const item of out.Responses?.[tableName] ?? []) found.add(String(item.PK));
        request = out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined;
        if (request?.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
      if (request?.length) throw new TemporarilyUnavailableError();
    }),
  );
  return hashes.flatMap((h, i) => (found.has(keys.codeHash(productId, h).PK) ? [i] : []));
};

const duplicates = (indexes: number[]) =>
  new ValidationError(
    indexes.map((i) => ({ path: `codes.${i}`, message: msg('field.codeUploaded') })),
    msg('detail.codesUploaded', { count: indexes.length }),
  );

/**
 * 上传兑换码: codes for one plan of the organisation's own code product, numbered after the plan's stock, sealed,
 * each once per product (a keyed hash put only if absent), in transactions of at most 49 codes with the stock
 * item (docs/decisions.md, "Redemption codes").
 */
export const uploadCodes = async (providerId: string, productId: string, input: UploadCodesInput, now: Date) => {
  const { product, sealedKey, stocks } = await readOwn(providerId, productId);
  if (!isCodeProduct(product)) throw notCodeProduct();
  if (!plansOf(product).has(input.planId)) {
    throw new NotFoundError('product', 'PLAN_NOT_FOUND', msg('detail.noSuchPlan', { planId: input.planId }), {
      errors: [{ path: 'planId', message: msg('field.notPlan') }],
    });
  }
  const key = await hashKeyOf(productId, sealedKey);
  const hashes = input.codes.map((c) => hashOf(key, c));
  const taken = await alreadyUploaded(productId, hashes);
  if (taken.length) throw duplicates(taken);
  const at = now.toISOString();
  let stock: PlanStock | undefined = stocks[input.planId];
  let added = 0;
  for (let start = 0; start < input.codes.length; start += CODES_PER_TRANSACTION) {
    const chunk = input.codes.slice(start, start + CODES_PER_TRANSACTION);
    for (let attempt = 0; ; attempt++) {
      const seen: number = stock?.stock ?? 0;
      const sealed = await Promise.all(chunk.map((c, i) => secretBox().seal(c, codeContext(productId, input.planId, seen + 1 + i))));
      const writes: NamedWrites = {
        // the plan's count moves only from the count read: two uploads to one plan number their codes apart
        stock: stock
          ? {
              Update: {
                TableName: tableName,
                Key: keys.codeStock(productId, input.planId),
                UpdateExpression: 'SET #stock = :next, #left = #left + :n, #updatedAt = :at',
                ConditionExpression: '#stock = :seen',
                ExpressionAttributeNames: { '#stock': 'stock', '#left': 'left', '#updatedAt': 'updatedAt' },
                ExpressionAttributeValues: { ':next': seen + chunk.length, ':n': chunk.length, ':seen': seen, ':at': at },
              },
            }
          : {
              Put: {
                TableName: tableName,
                Item: codeStockItem.item({ productId, planId: input.planId, stock: chunk.length, taken: 0, left: chunk.length, updatedAt: at }),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
      };
      chunk.forEach((c, i) => {
        const seq = seen + 1 + i;
        writes[`code ${start + i}`] = {
          Put: { TableName: tableName, Item: codeItem.item({ productId, planId: input.planId, seq, sealed: sealed[i], hint: hintOf(c), at }) },
        };
        writes[`hash ${start + i}`] = {
          Put: {
            TableName: tableName,
            Item: codeHashItem.item({ productId, planId: input.planId, seq, hash: hashes[start + i] }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
      });
      try {
        await transactWrite(writes);
        stock = {
          productId,
          planId: input.planId,
          stock: seen + chunk.length,
          taken: stock?.taken ?? 0,
          left: (stock?.left ?? 0) + chunk.length,
          updatedAt: at,
        };
        added += chunk.length;
        break;
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        const refusedHashes = err.allFailed.filter((n) => n.startsWith('hash ')).map((n) => Number(n.slice(5)));
        if (refusedHashes.length) {
          // the same code uploaded by someone at the same time: the chunks before stay, this one is refused
          throw new ValidationError(
            refusedHashes.map((i) => ({ path: `codes.${i}`, message: msg('field.codeUploaded') })),
            msg('detail.codesPartlyUploaded', { added }),
          );
        }
        if (err.failed !== 'stock' || attempt >= UPLOAD_RETRIES) throw new TemporarilyUnavailableError();
        // another upload numbered codes of this plan first: renumber after it
        stock = err.item && codeStockItem.is(err.item) ? stockItemSchema.parse(err.item) : undefined;
      }
    }
  }
  return { productId, planId: input.planId, added, stock: stock!.stock, available: availableOf(stock) };
};

const cursorOf = (seq: number) => Buffer.from(JSON.stringify({ seq }), 'utf8').toString('base64url');
const seqOfCursor = (cursor: string | undefined): number => {
  if (!cursor) return 1;
  try {
    const { seq } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { seq: unknown };
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 1 && seq <= 1e9) return seq;
  } catch {
    // answered below
  }
  throw invalidCursor();
};

/**
 * 兑换码 of the organisation's product: every plan's stock and, for one plan, a page of its codes in number order,
 * masked, each with the order that got it. The product (with its stock), then the plan's codes and the sales of
 * the page at once (one Query each: codes are numbered without gaps, so the page's range is known from the
 * cursor, and a sale covering it starts at most 99 codes before).
 */
export const listCodes = async (
  providerId: string,
  productId: string,
  q: { planId?: string; limit: number; cursor?: string },
): Promise<CodesView> => {
  const from = seqOfCursor(q.cursor);
  const { product, stocks } = await readOwn(providerId, productId);
  const plans = plansOf(product);
  const planId = q.planId ?? [...plans.keys()][0] ?? null;
  if (q.planId && !plans.has(q.planId) && !stocks[q.planId]) {
    throw new NotFoundError('product', 'PLAN_NOT_FOUND', msg('detail.noSuchPlan', { planId: q.planId }), {
      errors: [{ path: 'planId', message: msg('field.notPlan') }],
    });
  }
  const planViews = [...plans.entries()].map(([id, name]) => {
    const s = stocks[id];
    return { planId: id, name, stock: s?.stock ?? 0, sold: s?.taken ?? 0, available: availableOf(s) };
  });
  if (!planId) return { productId, plans: planViews, planId: null, items: [], nextCursor: null };
  const to = from + q.limit - 1;
  const range = (prefix: string, a: number, b: number) =>
    ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
        ExpressionAttributeValues: {
          ':pk': keys.planCodes(productId, planId),
          ':a': `${prefix}#${String(Math.max(1, a)).padStart(10, '0')}`,
          ':b': `${prefix}#${String(b).padStart(10, '0')}`,
        },
        ConsistentRead: true,
      }),
    );
  const [codes, sales] = await Promise.all([range('CODE', from, to), range('SALE', from - 99, to)]);
  const saleList = (sales.Items ?? []).map((s) => saleItemSchema.parse(s));
  const items = (codes.Items ?? []).map((raw) => {
    const c = codeItemSchema.parse(raw);
    const sale = saleList.find((s) => s.first <= c.seq && c.seq < s.first + s.count);
    return { seq: c.seq, masked: c.hint, orderId: sale?.orderId ?? null, soldAt: sale?.at ?? null, uploadedAt: c.at };
  });
  const stock = stocks[planId]?.stock ?? 0;
  return { productId, plans: planViews, planId, items, nextCursor: to < stock ? cursorOf(to + 1) : null };
};

// ---------------------------------------------------------------------------------------------------
// Buying and revealing

/** The codes of an order's slots, opened: one Query on the plan's partition. Only for its buyer, after reveal. */
export const openCodes = async (productId: string, planId: string, slots: CodeSlots): Promise<string[]> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
      ExpressionAttributeValues: {
        ':pk': keys.planCodes(productId, planId),
        ':a': keys.code(productId, planId, slots.first).SK,
        ':b': keys.code(productId, planId, slots.first + slots.count - 1).SK,
      },
      ConsistentRead: true,
    }),
  );
  const items = (out.Items ?? []).map((i) => codeItemSchema.parse(i));
  const bySeq = new Map(items.map((c) => [c.seq, c]));
  return Promise.all(
    seqsOf(slots.first, slots.count).map((seq) => {
      const c = bySeq.get(seq);
      if (!c) throw new Error(`code ${seq} of plan ${planId} is missing`);
      return secretBox().open(c.sealed, codeContext(productId, planId, seq));
    }),
  );
};
