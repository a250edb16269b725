import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as grantAttachment } from '../../functions/attachments/grant';
import { handler as download } from '../../functions/attachments/download';
import { handler as dashboard } from '../../functions/dashboard/get';
import { handler as approve } from '../../functions/operator/approve';
import { handler as operatorOrders } from '../../functions/operator/orders';
import { handler as appeal } from '../../functions/orders/appeal';
import { handler as confirm } from '../../functions/orders/confirm';
import { handler as buy } from '../../functions/orders/create';
import { handler as exportOrders } from '../../functions/orders/export';
import { handler as getOrder } from '../../functions/orders/get';
import { handler as listBuyer } from '../../functions/orders/list-buyer';
import { handler as message } from '../../functions/orders/message';
import { handler as rejectRequirements } from '../../functions/orders/reject-requirements';
import { handler as requirements } from '../../functions/orders/requirements';
import { handler as resolve } from '../../functions/orders/resolve';
import { handler as start } from '../../functions/orders/start';
import { handler as urge } from '../../functions/orders/urge';
import { handler as notifications } from '../../functions/notifications/list';
import { handler as readNotification } from '../../functions/notifications/read';
import { handler as catalog } from '../../functions/products/catalog';
import { handler as createProduct } from '../../functions/products/create';
import { handler as deleteProduct } from '../../functions/products/delete';
import { handler as editProduct } from '../../functions/products/edit';
import { handler as getOwn } from '../../functions/products/get-own';
import { handler as page } from '../../functions/products/page';
import { handler as rate } from '../../functions/reviews/create';
import { handler as editRating } from '../../functions/reviews/edit';
import { handler as reply } from '../../functions/reviews/reply';
import { handler as getWebhook } from '../../functions/webhooks/get';
import { handler as putWebhook } from '../../functions/webhooks/put';
import { handler as redeliver } from '../../functions/webhooks/redeliver';
import { handler as pingWebhook } from '../../functions/webhooks/test';
import { config } from '../../lib/config';
import { ddb, tableName } from '../../lib/db/client';
import { keys } from '../../lib/db/keys';
import { grant } from '../support/attachments';
import { productContent } from '../support/fixtures';
import { invoke, type Answer, type Call } from '../support/http';
import { latinWords } from '../support/latin';
import { orderIn } from '../support/orders';
import { startReceiver } from '../support/receiver';
import { closedPort } from '../support/issuer';
import { must, productIn } from '../support/products';

// Every refusal the API gives, asked for in Chinese: title, detail and field messages must be Chinese
// apart from codes, ids and the values the request itself sent.
const zh = { 'accept-language': 'zh-CN,zh;q=0.9' };
const UNKNOWN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
// a product whose every text a field message may quote is Chinese
const chineseForm = {
  requirementsTemplate: [
    { key: 'host', label: '服务器地址', type: 'text', required: true },
    { key: 'os', label: '操作系统', type: 'select', required: false, options: ['麒麟', '统信'] },
    { key: 'cores', label: '核数', type: 'number', required: false },
    { key: 'licence', label: '授权书', type: 'file', required: false },
  ],
  requirementsBeforeStart: true,
};

type Handler = Parameters<typeof invoke>[0];
const ask = (handler: Handler, call: Call = {}) => invoke(handler, { ...call, headers: { ...zh, ...(call.headers ?? {}) } });

interface Case {
  name: string;
  code: string;
  run: () => Promise<Answer>;
  /** Values the request sent that a message may quote (a host name, a plan id). */
  values?: string[];
}

const cases: Case[] = [
  // ---- 400: the request itself
  {
    name: 'a body of the wrong types (zod’s own messages)',
    code: 'VALIDATION_FAILED',
    run: () => ask(buy, { as: 'buyer', body: { productId: 42, planId: 'basic' } }),
  },
  {
    name: 'an inbox cursor with an unknown field',
    code: 'INVALID_CURSOR',
    run: () => ask(notifications, { as: 'buyer', query: { cursor: 'eyJsIjoieCIsImEiOiJ5IiwieiI6MX0' } }),
  },
  { name: 'a body that is not JSON', code: 'VALIDATION_FAILED', run: () => ask(createProduct, { as: 'provider', rawBody: '{"name":' }) },
  {
    name: 'a body nested too deeply',
    code: 'VALIDATION_FAILED',
    run: () => ask(createProduct, { as: 'provider', rawBody: '['.repeat(40) + ']'.repeat(40) }),
  },
  {
    name: 'a malformed Idempotency-Key',
    code: 'VALIDATION_FAILED',
    run: () => ask(createProduct, { as: 'provider', body: productContent(), headers: { 'idempotency-key': '有 空格' } }),
  },
  {
    name: 'a product whose price exceeds its list price and whose plan ids repeat',
    code: 'VALIDATION_FAILED',
    run: () =>
      ask(createProduct, {
        as: 'provider',
        body: productContent({
          plans: [
            { planId: 'same', name: '基础版', duration: 1, unit: 'times', listPrice: 100, price: 200 },
            { planId: 'same', name: '包月', duration: 1, unit: 'month', listPrice: 500, price: 400 },
          ],
        }),
      }),
  },
  { name: 'an edit that changes nothing', code: 'VALIDATION_FAILED', run: () => ask(editProduct, { as: 'provider', params: { productId: UNKNOWN }, body: {} }) },
  { name: 'a rating edit with neither rating nor comment', code: 'VALIDATION_FAILED', run: () => ask(editRating, { as: 'buyer', params: { orderId: UNKNOWN }, body: {} }) },
  {
    name: 'a period that ends before it starts',
    code: 'VALIDATION_FAILED',
    run: () => ask(dashboard, { as: 'provider', query: { from: '2026-03-01', to: '2026-01-01' } }),
  },
  { name: 'an export in an unknown time zone', code: 'VALIDATION_FAILED', run: () => ask(exportOrders, { as: 'provider', query: { tz: '火星/基地' } }) },
  {
    name: 'an operator search whose range is reversed, with a malformed order id',
    code: 'VALIDATION_FAILED',
    run: () =>
      ask(operatorOrders, {
        as: 'operator',
        query: { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' },
      }),
  },
  {
    name: 'an attachment grant with a bad name, type and size',
    code: 'VALIDATION_FAILED',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      return ask(grantAttachment, {
        as: 'buyer',
        params: { orderId: order.orderId },
        body: { fileName: 'a/b', contentType: 'application/x-msdownload', size: 1e9 },
      });
    },
  },
  {
    name: 'requirements that do not match the form',
    code: 'VALIDATION_FAILED',
    run: async () => {
      const order = await orderIn('awaiting_start', { content: chineseForm });
      return ask(requirements, {
        as: 'buyer',
        params: { orderId: order.orderId },
        body: { answers: { os: '视窗', cores: '四', licence: UNKNOWN, 备注: '无' } },
      });
    },
    values: ['备注'],
  },
  {
    name: 'a message referencing another order’s attachment',
    code: 'VALIDATION_FAILED',
    run: async () => {
      const [mine, other] = await Promise.all([orderIn('implementing', { content: chineseForm }), orderIn('implementing', { content: chineseForm })]);
      const g = await grant('buyer', other.orderId, { size: 10 });
      return ask(message, { as: 'buyer', params: { orderId: mine.orderId }, body: { text: '见附件', attachments: [g.attachmentId] } });
    },
  },
  {
    name: 'a message referencing an attachment never uploaded',
    code: 'VALIDATION_FAILED',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      const g = await grant('buyer', order.orderId, { size: 10 });
      return ask(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '见附件', attachments: [g.attachmentId] } });
    },
  },
  {
    name: 'a webhook address in a private network',
    code: 'VALIDATION_FAILED',
    run: () => ask(putWebhook, { as: 'limitedProvider', body: { url: 'https://10.1.2.3/hook' } }),
  },
  { name: 'a webhook address that is not a URL', code: 'VALIDATION_FAILED', run: () => ask(putWebhook, { as: 'limitedProvider', body: { url: '不是网址' } }) },
  { name: 'a cursor of another list', code: 'INVALID_CURSOR', run: () => ask(listBuyer, { as: 'buyer', query: { cursor: 'eyJ4IjoieSJ9' } }) },
  { name: 'a cursor of the catalogue that was never issued', code: 'INVALID_CURSOR', run: () => ask(catalog, { query: { cursor: 'garbage' } }) },
  { name: 'an inbox cursor that was never issued', code: 'INVALID_CURSOR', run: () => ask(notifications, { as: 'buyer', query: { cursor: 'garbage' } }) },

  // ---- 401, 403
  { name: 'no token', code: 'UNAUTHENTICATED', run: () => ask(listBuyer, {}) },
  { name: 'a forged token', code: 'UNAUTHENTICATED', run: () => ask(listBuyer, { as: { token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' } }) },
  { name: 'a role the route is not for', code: 'FORBIDDEN', run: () => ask(createProduct, { as: 'buyer', body: productContent() }) },
  {
    name: 'buying one’s own product',
    code: 'CONFLICT_OF_INTEREST',
    run: async () => {
      const product = await productIn('listed', 'providerBuyer');
      return ask(buy, { as: 'providerBuyer', body: { productId: product.productId, planId: 'basic' } });
    },
  },
  {
    name: 'an operator approving their own product',
    code: 'CONFLICT_OF_INTEREST',
    run: async () => {
      const product = await productIn('in_review', 'operatorProvider');
      return ask(approve, { as: 'operatorProvider', params: { productId: product.productId }, body: { version: product.version } });
    },
  },
  {
    name: 'an operator settling their own order',
    code: 'CONFLICT_OF_INTEREST',
    run: async () => {
      const order = await orderIn('disputed', { provider: 'operatorProvider', content: chineseForm });
      return ask(resolve, { as: 'operatorProvider', params: { orderId: order.orderId }, body: { outcome: 'completed', note: '已处理' } });
    },
  },

  // ---- 404
  { name: 'an id that cannot exist', code: 'NOT_FOUND', run: () => ask(getOrder, { as: 'buyer', params: { orderId: 'nope' } }) },
  { name: 'an unknown order', code: 'NOT_FOUND', run: () => ask(getOrder, { as: 'buyer', params: { orderId: UNKNOWN } }) },
  { name: 'an unknown product page', code: 'NOT_FOUND', run: () => ask(page, { params: { productId: UNKNOWN } }) },
  { name: 'another provider’s product', code: 'NOT_FOUND', run: () => ask(getOwn, { as: 'provider2', params: { productId: UNKNOWN } }) },
  { name: 'an unknown notification', code: 'NOT_FOUND', run: () => ask(readNotification, { as: 'buyer', params: { notificationId: UNKNOWN } }) },
  { name: 'a rating never given', code: 'NOT_FOUND', run: () => ask(editRating, { as: 'buyer', params: { orderId: UNKNOWN }, body: { rating: 3 } }) },
  { name: 'an unknown delivery', code: 'NOT_FOUND', run: () => ask(redeliver, { as: 'provider', params: { deliveryId: UNKNOWN } }) },
  { name: 'no webhook endpoint', code: 'NOT_FOUND', run: () => ask(getWebhook, { as: 'operatorProvider' }) },
  {
    name: 'an unknown attachment',
    code: 'NOT_FOUND',
    run: () => ask(download, { as: 'buyer', params: { orderId: UNKNOWN, attachmentId: UNKNOWN } }),
  },
  { name: 'buying an unknown product', code: 'PRODUCT_NOT_FOUND', run: () => ask(buy, { as: 'buyer', body: { productId: UNKNOWN, planId: 'basic' } }) },
  {
    name: 'buying a plan the product does not have',
    code: 'PLAN_NOT_FOUND',
    run: async () => {
      const product = await productIn('listed');
      return ask(buy, { as: 'buyer', body: { productId: product.productId, planId: 'gold' } });
    },
    values: ['gold'],
  },

  // ---- 409
  {
    name: 'a product action from the wrong status',
    code: 'INVALID_STATE',
    run: async () => {
      const product = await productIn('in_review');
      return ask(editProduct, { as: 'provider', params: { productId: product.productId }, body: { name: '新名字' } });
    },
  },
  {
    name: 'a stale product version',
    code: 'VERSION_CONFLICT',
    run: async () => {
      const product = await productIn('in_review');
      return ask(approve, { as: 'operator', params: { productId: product.productId }, body: { version: product.version + 5 } });
    },
  },
  {
    name: 'deleting a product that was listed',
    code: 'PRODUCT_WAS_LISTED',
    run: async () => {
      const product = await productIn('delisted');
      return ask(deleteProduct, { as: 'provider', params: { productId: product.productId } });
    },
  },
  {
    name: 'buying a product that is not listed',
    code: 'PRODUCT_NOT_LISTED',
    run: async () => {
      const product = await productIn('draft');
      return ask(buy, { as: 'buyer', body: { productId: product.productId, planId: 'basic' } });
    },
  },
  {
    name: 'an Idempotency-Key reused with another body',
    code: 'IDEMPOTENCY_KEY_REUSED',
    run: async () => {
      const key = `catalogue-${Date.now()}`;
      must(await ask(createProduct, { as: 'provider', body: productContent(), headers: { 'idempotency-key': key } }), 201);
      return ask(createProduct, { as: 'provider', body: productContent({ name: '另一个' }), headers: { 'idempotency-key': key } });
    },
  },
  {
    name: 'rating an order that is not completed',
    code: 'INVALID_STATE',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      return ask(rate, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 5 } });
    },
  },
  {
    name: 'rating an order twice',
    code: 'ALREADY_REVIEWED',
    run: async () => {
      const order = await orderIn('completed', { content: chineseForm });
      must(await ask(rate, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 5 } }), 201);
      return ask(rate, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 4 } });
    },
  },
  {
    name: 'replying to a rating twice',
    code: 'ALREADY_REPLIED',
    run: async () => {
      const order = await orderIn('completed', { content: chineseForm });
      must(await ask(rate, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 5 } }), 201);
      must(await ask(reply, { as: 'provider', params: { orderId: order.orderId }, body: { text: '谢谢' } }), 200);
      return ask(reply, { as: 'provider', params: { orderId: order.orderId }, body: { text: '再次感谢' } });
    },
  },
  {
    name: 'an attachment on a cancelled order',
    code: 'INVALID_STATE',
    run: async () => {
      const order = await orderIn('cancelled', { content: chineseForm });
      return ask(grantAttachment, { as: 'buyer', params: { orderId: order.orderId }, body: { fileName: '报告.pdf', contentType: 'application/pdf', size: 10 } });
    },
  },
  {
    name: 'editing a rating after its week',
    code: 'EDIT_WINDOW_CLOSED',
    run: async () => {
      const order = await orderIn('completed', { content: chineseForm });
      must(await ask(rate, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 5 } }), 201);
      await ddb.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.review(order.orderId),
          UpdateExpression: 'SET createdAt = :t',
          ExpressionAttributeValues: { ':t': new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString() },
        }),
      );
      return ask(editRating, { as: 'buyer', params: { orderId: order.orderId }, body: { rating: 4 } });
    },
  },
  {
    name: 'an order’s fifty-first attachment',
    code: 'TOO_MANY_ATTACHMENTS',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      for (let i = 0; i < 50; i++) await grant('provider', order.orderId, { size: 10 });
      return ask(grantAttachment, { as: 'provider', params: { orderId: order.orderId }, body: { fileName: '报告.pdf', contentType: 'application/pdf', size: 10 } });
    },
  },
  {
    name: 'a transaction that keeps conflicting',
    code: 'CONCURRENT_UPDATE',
    run: async () => {
      const order = await orderIn('awaiting_confirmation', { content: chineseForm });
      const send = ddb.send.bind(ddb);
      vi.spyOn(ddb, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
        if (command.constructor.name === 'TransactWriteCommand') {
          throw new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
          });
        }
        return send(command as never);
      }) as never);
      return ask(confirm, { as: 'buyer', params: { orderId: order.orderId } });
    },
  },
  {
    name: 'sending again a delivery that succeeded',
    code: 'DELIVERY_NOT_FAILED',
    run: async () => {
      const receiver = await startReceiver();
      try {
        must(await ask(putWebhook, { as: 'limitedProvider', body: { url: receiver.url } }), 200);
        const ping = must(await ask(pingWebhook, { as: 'limitedProvider' }), 200);
        return await ask(redeliver, { as: 'limitedProvider', params: { deliveryId: ping.deliveryId } });
      } finally {
        await receiver.close();
      }
    },
  },
  {
    name: 'a ping to a disabled webhook',
    code: 'WEBHOOK_DISABLED',
    run: async () => {
      must(await ask(putWebhook, { as: 'limitedProvider', body: { url: 'http://127.0.0.1:9/hook', enabled: false } }), 200);
      return ask(pingWebhook, { as: 'limitedProvider' });
    },
  },
  {
    name: 'starting before the requirements',
    code: 'REQUIREMENTS_MISSING',
    run: async () => {
      const order = await orderIn('awaiting_start', { content: chineseForm });
      return ask(start, { as: 'provider', params: { orderId: order.orderId } });
    },
  },
  {
    name: 'rejecting requirements never submitted',
    code: 'REQUIREMENTS_NOT_SUBMITTED',
    run: async () => {
      const order = await orderIn('awaiting_start', { content: chineseForm });
      return ask(rejectRequirements, { as: 'provider', params: { orderId: order.orderId }, body: { reason: '信息不全' } });
    },
  },
  {
    name: 'an order command from the wrong status',
    code: 'INVALID_STATE',
    run: async () => {
      const order = await orderIn('awaiting_start', { content: chineseForm });
      return ask(confirm, { as: 'buyer', params: { orderId: order.orderId } });
    },
  },
  {
    name: 'an appeal that is not yet eligible',
    code: 'APPEAL_NOT_ELIGIBLE',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      return ask(appeal, { as: 'buyer', params: { orderId: order.orderId }, body: { reason: '没有进展' } });
    },
  },

  // ---- 429, 503, 500
  {
    name: 'urging the buyer twice within a day',
    code: 'THROTTLED',
    run: async () => {
      const order = await orderIn('awaiting_confirmation', { content: chineseForm });
      must(await ask(urge, { as: 'provider', params: { orderId: order.orderId } }), 200);
      return ask(urge, { as: 'provider', params: { orderId: order.orderId } });
    },
  },
  {
    name: 'messages beyond the per-user limit',
    code: 'THROTTLED',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      const saved = { ...config.rateLimits.messages };
      // a window length of its own: no other file's counter shares this one
      Object.assign(config.rateLimits.messages, { limit: 1, windowSeconds: 4321 });
      try {
        must(await ask(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '第一条' } }), 200);
        return await ask(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '第二条' } });
      } finally {
        Object.assign(config.rateLimits.messages, saved);
      }
    },
  },
  {
    name: 'the database throttling',
    code: 'TEMPORARILY_UNAVAILABLE',
    run: async () => {
      vi.spyOn(ddb, 'send').mockRejectedValue(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }) as never);
      return ask(catalog, {});
    },
  },
  {
    name: 'file storage unreachable',
    code: 'TEMPORARILY_UNAVAILABLE',
    run: async () => {
      const order = await orderIn('implementing', { content: chineseForm });
      const g = await grant('buyer', order.orderId, { size: 10 });
      vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('fetch failed'));
      return ask(message, { as: 'buyer', params: { orderId: order.orderId }, body: { text: '见附件', attachments: [g.attachmentId] } });
    },
  },
  {
    name: 'an unexpected failure',
    code: 'INTERNAL',
    run: async () => {
      vi.spyOn(ddb, 'send').mockRejectedValue(new Error('boom') as never);
      return ask(catalog, {});
    },
  },
];

afterEach(() => vi.restoreAllMocks());

const textsOf = (body: { title: string; detail: string; errors?: { message: string }[] }) => [
  body.title,
  body.detail,
  ...(body.errors ?? []).map((e) => e.message),
];

describe('every refusal in Chinese (Accept-Language: zh-CN)', () => {
  const seen = new Set<string>();

  it.each(cases)('$code: $name', async ({ code, run, values = [] }) => {
    const res = await run();
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.body.code, JSON.stringify(res.body)).toBe(code);
    expect(res.headers['content-language']).toBe('zh-CN');
    seen.add(code);
    for (const text of textsOf(res.body)) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(latinWords(text, values), `${text} (${JSON.stringify(res.body)})`).toEqual([]);
    }
  });

  it('covered every kind of refusal the API gives', () => {
    expect([...seen].sort()).toEqual(
      [...new Set(cases.map((c) => c.code))].sort(),
    );
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });
});

describe('the token issuer unreachable, in Chinese', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Chinese texts', async () => {
    const saved = process.env.AUTH_JWKS_URI;
    // a verifier whose key set cannot be fetched: configuration is read at module load, so loaded afresh
    process.env.AUTH_JWKS_URI = `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`;
    vi.resetModules();
    try {
      const { handler } = await import('../../functions/products/list-own');
      const res = await ask(handler, { route: 'GET /provider/products', as: 'provider' });
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      for (const text of textsOf(res.body)) expect(latinWords(text)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.AUTH_JWKS_URI;
      else process.env.AUTH_JWKS_URI = saved;
    }
  });
});

describe('the check itself', () => {
  it('finds English words and leaves codes, ids, URLs and sent values alone', () => {
    expect(latinWords('当前状态（implementing）下不能执行「start the work」。')).toEqual(['implementing', 'start', 'the', 'work']);
    expect(latinWords('此操作仅限 provider or operator 账号。')).toEqual(['provider', 'or', 'operator']);
    expect(latinWords(`订单 ${UNKNOWN} 不存在：INVALID_STATE，见 https://x.example/a 与 application/pdf`)).toEqual([]);
    expect(latinWords('商品没有规格 gold。', ['gold'])).toEqual([]);
  });
});
