import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { inboxQuery, notificationIdParams } from './notifications/schemas';
import {
  createOrderBody,
  noteBody,
  optionalReasonBody,
  orderIdParams,
  orderListQuery,
  reasonBody,
  requirementsBody,
  resolveBody,
} from './orders/schemas';
import {
  catalogQuery,
  createProductBody,
  editProductBody,
  productIdParams,
  providerProductsQuery,
  rejectBody,
  reviewDecisionBody,
  reviewQueueQuery,
} from './products/schemas';
import { deliveriesQuery, deliveryIdParams, putWebhookBody } from './webhooks/schemas';
import { dashboardQuery } from './dashboard/schemas';
import { operatorOrdersQuery, operatorProductsQuery, takedownBody } from './operator/schemas';
import { exportQuery } from './orders/export-schemas';

/**
 * The HTTP API as OpenAPI 3.1, built from the same zod schemas the handlers validate with. A test checks
 * that its routes are exactly the `httpApi` routes of serverless.yml.
 */

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ example: 'VALIDATION_FAILED' }),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: 'application/problem+json', content: { 'application/problem+json': { schema: problem } } }]),
  );

const ok = (description: string, status = '200') => ({ [status]: { description, content: { 'application/json': { schema: z.object({}).loose() } } } });

type Op = { summary: string; params?: z.ZodObject; query?: z.ZodType; body?: z.ZodType; auth?: boolean; created?: boolean; idempotent?: boolean };

const op = ({ summary, params, query, body, auth = true, created, idempotent }: Op): ZodOpenApiOperationObject => ({
  summary,
  ...(auth ? { security: [{ cognito: [] }] } : { security: [] }),
  requestParams: {
    ...(params ? { path: params } : {}),
    ...(query ? { query: query as z.ZodObject } : {}),
    ...(idempotent ? { header: z.object({ 'idempotency-key': z.string().max(100).optional() }) } : {}),
  },
  ...(body ? { requestBody: { content: { 'application/json': { schema: body } } } } : {}),
  responses: {
    ...ok(summary, created ? '201' : '200'),
    ...problems(...(auth ? [400, 401, 403, 404, 409] : [400, 404])),
  },
});

const noContent = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => {
  const { '200': _ok, ...rest } = o.responses as Record<string, unknown>;
  return { ...o, responses: { '204': { description: 'Done' }, ...rest } as ZodOpenApiOperationObject['responses'] };
};

export const apiRoutes: ZodOpenApiPathsObject = {
  '/provider/products': {
    post: op({ summary: '商品接入: create a draft', body: createProductBody, created: true, idempotent: true }),
    get: op({ summary: 'Own products', query: providerProductsQuery }),
  },
  '/provider/products/{productId}': {
    get: op({ summary: 'Own product with live version, pending revision and review history', params: productIdParams }),
    patch: op({ summary: '修改 the draft or the pending revision', params: productIdParams, body: editProductBody }),
  },
  '/provider/products/{productId}/submit': { post: op({ summary: '提交 for review', params: productIdParams }) },
  '/provider/products/{productId}/withdraw': { post: op({ summary: '撤销审核', params: productIdParams }) },
  '/provider/products/{productId}/delist': { post: op({ summary: '下架', params: productIdParams }) },
  '/products': { get: op({ summary: 'The catalogue', query: catalogQuery, auth: false }) },
  '/products/{productId}': { get: op({ summary: 'The product page (查看)', params: productIdParams, auth: false }) },
  '/operator/reviews': { get: op({ summary: 'The review queue, oldest first', query: reviewQueueQuery }) },
  '/operator/products/{productId}/approve': { post: op({ summary: 'Approve the submitted version', params: productIdParams, body: reviewDecisionBody }) },
  '/operator/products/{productId}/reject': { post: op({ summary: 'Reject with a reason', params: productIdParams, body: rejectBody }) },
  '/orders': { post: op({ summary: 'Buy a plan of a listed product', body: createOrderBody, created: true, idempotent: true }) },
  '/buyer/orders': { get: op({ summary: 'Own orders (buyer)', query: orderListQuery }) },
  '/provider/orders': { get: op({ summary: 'Own orders (provider)', query: orderListQuery }) },
  '/orders/{orderId}': { get: op({ summary: 'The order with both labels and its timeline', params: orderIdParams }) },
  '/orders/{orderId}/requirements': { put: op({ summary: '提交需求单', params: orderIdParams, body: requirementsBody }) },
  '/orders/{orderId}/requirements/reject': { post: op({ summary: '驳回需求', params: orderIdParams, body: reasonBody }) },
  '/orders/{orderId}/start': { post: op({ summary: '开始实施', params: orderIdParams }) },
  '/orders/{orderId}/complete': { post: op({ summary: '实施完成', params: orderIdParams, body: noteBody }) },
  '/orders/{orderId}/urge': { post: op({ summary: '催促 (429 within 24 hours)', params: orderIdParams }) },
  '/orders/{orderId}/confirm': { post: op({ summary: '确认完成', params: orderIdParams }) },
  '/orders/{orderId}/reject-completion': { post: op({ summary: '驳回验收', params: orderIdParams, body: reasonBody }) },
  '/orders/{orderId}/cancel': { post: op({ summary: 'Cancel before work starts (refund)', params: orderIdParams, body: optionalReasonBody }) },
  '/orders/{orderId}/appeal': { post: op({ summary: '申诉', params: orderIdParams, body: reasonBody }) },
  '/operator/orders/{orderId}/resolve': { post: op({ summary: 'Resolve a dispute', params: orderIdParams, body: resolveBody }) },
  '/notifications': { get: op({ summary: 'Own inbox (站内信)', query: inboxQuery }) },
  '/notifications/{notificationId}/read': { post: op({ summary: 'Mark read', params: notificationIdParams }) },
  '/provider/webhook': {
    get: op({ summary: 'The registered endpoint' }),
    put: op({ summary: 'Register the endpoint; answers the signing secret', body: putWebhookBody }),
  },
  '/provider/webhook/deliveries': { get: op({ summary: 'Recent deliveries with every attempt', query: deliveriesQuery }) },
  // Operator queues and search, takedown, export, dashboard, webhook control, read-all, deleting drafts
  '/operator/orders': { get: op({ summary: 'Every order; status=disputed is the appeal queue, oldest appeal first', query: operatorOrdersQuery }) },
  '/operator/products': { get: op({ summary: 'Every product; filters status, providerId, serviceType', query: operatorProductsQuery }) },
  '/operator/products/{productId}/delist': {
    post: op({ summary: '违规下架: platform takedown with a reason (403 CONFLICT_OF_INTEREST on one’s own product)', params: productIdParams, body: takedownBody }),
  },
  '/provider/orders/export': {
    get: {
      ...op({ summary: 'Own orders as CSV (UTF-8 with BOM; Chinese headers unless Accept-Language: en)', query: exportQuery }),
      responses: {
        '200': {
          description: 'text/csv; at most 5,000 rows: beyond, Export-Truncated: true and Export-Next-Cursor (the cursor to go on with)',
          content: { 'text/csv': { schema: z.string() } },
        },
        ...problems(400, 401, 403),
      },
    },
  },
  '/provider/dashboard': { get: op({ summary: 'Orders and revenue per day, orders per status, average hours, urges, appeals', query: dashboardQuery }) },
  '/notifications/read-all': { post: op({ summary: 'Mark the whole inbox read (what arrives meanwhile stays unread)' }) },
  '/provider/webhook/test': { post: op({ summary: 'Send a signed ping now; answers the delivery with the response code' }) },
  '/provider/webhook/deliveries/{deliveryId}/redeliver': {
    post: op({ summary: 'Send a failed or gone delivery again (same webhook-id)', params: deliveryIdParams }),
  },
};
(apiRoutes['/provider/products/{productId}'] as Record<string, unknown>).delete = noContent(
  op({ summary: 'Delete a product that was never listed (409 otherwise)', params: productIdParams }),
);
(apiRoutes['/provider/webhook'] as Record<string, unknown>).delete = noContent(op({ summary: 'Remove the endpoint (deliveries stay in the log)' }));

export const openApiDocument = () =>
  createDocument({
    openapi: '3.1.0',
    info: { title: 'Cloud marketplace back office', version: '1.0.0' },
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token' } },
    },
    paths: apiRoutes,
  });
