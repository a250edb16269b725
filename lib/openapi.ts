import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { attachmentParams, grantBody } from './attachments/schemas';
import { inboxQuery, notificationIdParams } from './notifications/schemas';
import { editReviewBody, productReviewsQuery, replyBody, reviewBody } from './reviews/schemas';
import {
  completeBody,
  createOrderBody,
  messageBody,
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
import { deliveriesQuery, putWebhookBody } from './webhooks/schemas';

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

type Op = {
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  auth?: boolean;
  created?: boolean;
  idempotent?: boolean;
  /** Answers 302 with a Location (a presigned download). */
  redirect?: boolean;
};

const redirectTo = (description: string) => ({
  '302': { description, headers: z.object({ location: z.string().meta({ description: 'presigned URL, valid five minutes' }) }) },
});

const op = ({ summary, params, query, body, auth = true, created, idempotent, redirect }: Op): ZodOpenApiOperationObject => ({
  summary,
  ...(auth ? { security: [{ cognito: [] }] } : { security: [] }),
  requestParams: {
    ...(params ? { path: params } : {}),
    ...(query ? { query: query as z.ZodObject } : {}),
    ...(idempotent ? { header: z.object({ 'idempotency-key': z.string().max(100).optional() }) } : {}),
  },
  ...(body ? { requestBody: { content: { 'application/json': { schema: body } } } } : {}),
  responses: {
    ...(redirect ? redirectTo(summary) : ok(summary, created ? '201' : '200')),
    ...problems(...(auth ? [400, 401, 403, 404, 409] : [400, 404])),
  },
});

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
  '/orders/{orderId}/complete': { post: op({ summary: '实施完成, with a note and attachments', params: orderIdParams, body: completeBody }) },
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
  // Conversation, attachments and ratings (沟通 · 附件 · 评价)
  '/orders/{orderId}/messages': {
    post: op({ summary: '沟通: a message in the timeline, optionally with attachments of this order', params: orderIdParams, body: messageBody }),
  },
  '/orders/{orderId}/attachments': {
    post: op({
      summary: 'A presigned upload (POST policy: exact type, at most the declared size ≤ 20 MB) and its attachmentId',
      params: orderIdParams,
      body: grantBody,
      created: true,
    }),
  },
  '/orders/{orderId}/attachments/{attachmentId}': {
    get: op({ summary: '302 to a presigned download valid five minutes (parties and operators)', params: attachmentParams, redirect: true }),
  },
  '/orders/{orderId}/review': {
    post: op({ summary: '评价 a completed order, once (buyer)', params: orderIdParams, body: reviewBody, created: true }),
    patch: op({ summary: 'Edit the rating within 7 days (its author)', params: orderIdParams, body: editReviewBody }),
  },
  '/orders/{orderId}/review/reply': { post: op({ summary: 'Reply to the rating, once (provider)', params: orderIdParams, body: replyBody }) },
  '/products/{productId}/reviews': {
    get: op({ summary: 'Ratings of a listed product, newest first, with average and count', params: productIdParams, query: productReviewsQuery, auth: false }),
  },
};

export const openApiDocument = () =>
  createDocument({
    openapi: '3.1.0',
    info: { title: 'Cloud marketplace back office', version: '1.0.0' },
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token' } },
    },
    paths: apiRoutes,
  });
