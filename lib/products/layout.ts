import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import { productBodyItem, productItem } from './items';
import {
  cardOf,
  productBodySchema,
  productHeadSchema,
  productItemSchema,
  type ProductBody,
  type ProductHead,
  type ProductItem,
} from './schemas';

/**
 * The product's stored layout (docs/decisions.md, "Order and product items: head and body"): `ProductItem` is
 * what the rules and views work on; the table keeps it as a head (in the indexes: listing, review, parties,
 * times, the cards of the live and draft content) and a body (in none: draft, live content, review history).
 */

type Raw = Record<string, unknown>;

/** Whether a stored product head is still whole (stored before the split: it carries its content, no cards). */
export const isWhole = (raw: Raw | undefined) => Boolean(raw && 'draft' in raw && !('draftCard' in raw));

/** The head and the body of a product. */
export const splitProduct = (p: ProductItem): { head: ProductHead; body: ProductBody } => {
  const { live, draft, reviewHistory, ...rest } = p;
  return {
    head: { ...rest, liveCard: live ? cardOf(live) : null, draftCard: cardOf(draft) },
    body: { productId: p.productId, live, draft, reviewHistory },
  };
};

/** The stored items of a product (head and body), for a Put of each. */
export const productRecords = (p: ProductItem) => {
  const { head, body } = splitProduct(p);
  return { head: productItem.item(head), body: productBodyItem.item(body) };
};

/** The product from its head and body items; a product stored whole (before the split) is read as it is. */
export const joinProduct = (head: Raw, body?: Raw): ProductItem => {
  if (!body || isWhole(head)) return productItemSchema.parse(head);
  const b = productBodySchema.parse(body);
  const { liveCard: _l, draftCard: _d, ...rest } = productHeadSchema.parse(head);
  return productItemSchema.parse({ ...rest, live: b.live, draft: b.draft, reviewHistory: b.reviewHistory });
};

/** The product among items of its partition (its head and body), or undefined (a head without a body: not a product yet). */
export const productAmong = (items: Raw[], productId: string): ProductItem | undefined => {
  const head = items.find((i) => i.SK === keys.product(productId).SK && productItem.is(i));
  if (!head) return undefined;
  if (isWhole(head)) return joinProduct(head);
  const body = items.find((i) => i.SK === keys.productBody(productId).SK && productBodyItem.is(i));
  return body ? joinProduct(head, body) : undefined;
};

/**
 * Access pattern: one product (head and body), one Query on its two items (`begins_with(SK, 'PRODUCT')`: the
 * code stock (`CODESTOCK#`, `CODEKEY`) and the timeline (`TIMELINE#`) of its partition are not read).
 */
export const readProduct = async (productId: string, consistent = false): Promise<ProductItem | undefined> => {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.product(productId).PK, ':sk': keys.product(productId).SK },
      ...(consistent ? { ConsistentRead: true } : {}),
    }),
  );
  return productAmong(out.Items ?? [], productId);
};

/** A product's head as an index row answers it (or read by key): what the lists are made of. */
export const parseProductHead = (raw: Raw): ProductHead => {
  // a product stored whole carries its content on its head: its cards are made from it
  if (isWhole(raw)) return splitProduct(productItemSchema.parse(raw)).head;
  return productHeadSchema.parse(raw);
};

/**
 * Splits one product stored whole into its head and its body: one transaction, the head rewritten only if it
 * is still the version read and still whole, the body written only if absent. False when the product changed
 * meanwhile (or another split won): the caller reads it again.
 */
export const splitStoredProduct = async (db: DynamoDBDocumentClient, table: string, raw: Raw): Promise<boolean> => {
  const { head, body } = productRecords(productItemSchema.parse(raw));
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: head,
              ConditionExpression: '#version = :version AND attribute_exists(#draft)',
              ExpressionAttributeNames: { '#version': 'version', '#draft': 'draft' },
              ExpressionAttributeValues: { ':version': raw.version },
            },
          },
          { Put: { TableName: table, Item: body, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
    return true;
  } catch (err) {
    if ((err as Error).name !== 'TransactionCanceledException') throw err;
    return false;
  }
};

/** Splits a product a command found stored whole (its first command after the deploy), on the functions' client. */
export const splitOnWrite = (raw: Raw) => splitStoredProduct(ddb, tableName, raw);
