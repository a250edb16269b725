import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '../db/client';
import { keys } from '../db/keys';
import type { Reply } from '../http/route';
import type { OrderUser } from '../orders/access';
import type { OrderHead, OrderItem } from '../orders/schemas';
import { parseHead } from '../orders/layout';
import { openCodes } from './repository';

/** Whether a reader sees an order's codes: its buyer, once revealed (spec 7.1). */
export const showsCodes = (o: Pick<OrderItem, 'delivery' | 'buyerId' | 'revealedAt' | 'codes'>, user: OrderUser) =>
  o.delivery === 'code' && o.revealedAt !== undefined && o.codes !== undefined && o.buyerId === user.id;

/** The order's codes, opened, for a reader who sees them; undefined for anyone else. */
export const codesFor = async (o: Pick<OrderItem, 'delivery' | 'buyerId' | 'revealedAt' | 'codes' | 'productId' | 'planId'>, user: OrderUser): Promise<string[] | undefined> =>
  showsCodes(o, user) ? openCodes(o.productId, o.planId, o.codes!) : undefined;

/**
 * A code order's answer with its codes for its buyer: added to what goes out, never to what a replay record
 * keeps. The order is read again only for a replayed answer (the command's own result has it).
 */
export const withCodes = async (reply: Reply, user: OrderUser, order?: OrderItem | OrderHead): Promise<Reply> => {
  const body = reply.body as { orderId?: string; delivery?: string; revealedAt?: string | null; buyerId?: string } | undefined;
  if (reply.status !== 200 || !body?.orderId || body.delivery !== 'code' || !body.revealedAt || body.buyerId !== user.id) return reply;
  let o = order;
  if (!o) {
    const got = await ddb.send(new GetCommand({ TableName: tableName, Key: keys.order(body.orderId), ConsistentRead: true }));
    o = got.Item ? parseHead(got.Item) : undefined;
  }
  const codes = o && (await codesFor(o, user));
  return codes ? { ...reply, body: { ...body, codes } } : reply;
};
