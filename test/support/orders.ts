import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as buy } from '../../functions/orders/create';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as start } from '../../functions/orders/start';
import { handler as complete } from '../../functions/orders/complete';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as cancel } from '../../functions/orders/cancel';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as rejectCompletion } from '../../functions/orders/reject-completion';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import type { TestUser } from './global-setup';
import { invoke } from './http';
import { must, productIn } from './products';

const listed = new Map<string, Promise<{ productId: string }>>();

/** A listed product of `owner`, made once per test file and content variant. */
export const listedProduct = (owner: TestUser = 'provider', content: Record<string, unknown> = {}) => {
  const key = `${owner}:${JSON.stringify(content)}`;
  if (!listed.has(key)) listed.set(key, productIn('listed', owner, content));
  return listed.get(key)!;
};

export const ANSWERS = { host: '10.0.0.8', cores: 8 };

export type OrderStage =
  | 'awaiting_start'
  | 'requirements_submitted'
  | 'implementing'
  | 'awaiting_confirmation'
  | 'completed'
  | 'cancelled'
  | 'appealable'
  | 'disputed';

/** Buys a product and drives the order through the real handlers to a status. */
export const orderIn = async (
  stage: OrderStage,
  opts: { buyer?: TestUser; provider?: TestUser; content?: Record<string, unknown> } = {},
) => {
  const buyer = opts.buyer ?? 'buyer';
  const provider = opts.provider ?? 'provider';
  const product = await listedProduct(provider, opts.content);
  const order = must(await invoke(buy, { as: buyer, body: { productId: product.productId, planId: 'basic', quantity: 2 } }), 201);
  const params = { orderId: order.orderId as string };
  if (stage === 'awaiting_start') return order;
  if (stage === 'cancelled') return must(await invoke(cancel, { as: buyer, params, body: { reason: 'changed my mind' } }), 200);
  const submitted = must(await invoke(requirements, { as: buyer, params, body: { answers: ANSWERS } }), 200);
  if (stage === 'requirements_submitted') return submitted;
  const started = must(await invoke(start, { as: provider, params }), 200);
  if (stage === 'implementing') return started;
  const completed = must(await invoke(complete, { as: provider, params, body: { note: 'done; root password rotated' } }), 200);
  if (stage === 'awaiting_confirmation') return completed;
  if (stage === 'completed') return must(await invoke(confirm, { as: buyer, params }), 200);
  // disputed: three rejected completions make either party eligible to appeal
  let last;
  for (let i = 0; i < 3; i++) {
    last = must(await invoke(rejectCompletion, { as: buyer, params, body: { reason: `not working ${i}` } }), 200);
    if (i < 2) must(await invoke(complete, { as: provider, params, body: { note: `fixed ${i}` } }), 200);
  }
  if (stage === 'appealable') return last;
  return must(await invoke(appeal, { as: buyer, params, body: { reason: 'keeps failing' } }), 200);
};

/** Moves an order's clocks back, as if its current step had waited `ms` longer. */
export const ageOrder = async (orderId: string, ms: number, fields = ['turnSince', 'statusSince']) => {
  const when = new Date(Date.now() - ms).toISOString();
  await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.order(orderId),
      UpdateExpression: `SET ${fields.map((f, i) => `#f${i} = :t`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
      ExpressionAttributeValues: { ':t': when },
    }),
  );
};
