import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { APPLICATION_EVENTS, PRODUCT_EVENTS, PROVIDER_EVENTS, WEBHOOK_EVENTS } from './events/contracts';
import { attachmentParams, downloadLinkView, grantBody, uploadGrantView } from './attachments/schemas';
import { inboxQuery, inboxView, notificationIdParams, notificationView } from './notifications/schemas';
import { editReviewBody, productReviewsQuery, replyBody, reviewBody, reviewPageView, reviewView } from './reviews/schemas';
import {
  completeBody,
  createOrderBody,
  messageBody,
  optionalReasonBody,
  orderIdParams,
  orderListQuery,
  orderView,
  orderSummaryView,
  reasonBody,
  requirementsBody,
  resolveBody,
  changePlanBody,
  renewBody,
} from './orders/schemas';
import {
  catalogItemView,
  catalogListItemView,
  catalogQuery,
  createProductBody,
  editProductBody,
  productIdParams,
  providerProductView,
  productRowView,
  providerProductsQuery,
  rejectBody,
  reviewDecisionBody,
  reviewQueueQuery,
} from './products/schemas';
import { pageOf } from './shared/pagination';
import { deliveriesQuery, deliveryIdParams, deliveryView, putWebhookBody, webhookSecretView, webhookView } from './webhooks/schemas';
import { dashboardQuery, dashboardView } from './dashboard/schemas';
import { readAllView } from './notifications/schemas';
import { operatorOrdersQuery, operatorProductsQuery, takedownBody } from './operator/schemas';
import { exportQuery } from './orders/export-schemas';
import { codesQuery, codesView, productIdParams as codesProductParams, uploadAnswerView, uploadCodesBody } from './codes/schemas';
// SaaS 接入
import { debugSaasBody, putSaasEndpointBody, saasCallIdParams, saasCallView, saasCallsQuery, saasDebugView, saasEndpointView } from './saas/schemas';
import { meView, putMeBody } from './people/schemas';
import { changeRoleBody, invitationIdParams, invitationPage, invitationTokenParams, invitationView, inviteBody, memberPage, memberParams, memberView, membersQuery, invitationsQuery, membershipView } from './members/schemas';
import { operatorOrganisationPage, operatorOrganisationView, operatorProvidersQuery, providerIdParams, reinstateBody, suspendBody } from './suspension/schemas';
import {
  applicationBody,
  applicationIdParams,
  applicationPageView,
  applicationPatchBody,
  applicationQueueQuery,
  applicationView,
  approveBody,
  licenceGrantBody,
  licenceGrantView,
  myApplicationsQuery,
  rejectApplicationBody,
} from './providers/applications/schemas';

/**
 * The HTTP API as OpenAPI 3.1, built from the same zod schemas the handlers validate with. A test checks
 * that its routes are exactly the `httpApi` routes of serverless.yml.
 */

/**
 * RFC 9457 problem details as the one error middleware sends them: `instance` is always the request path;
 * extension members appear where the error carries them (RFC 9457 allows more).
 */
const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'stable UPPER_SNAKE code', example: 'VALIDATION_FAILED' }),
    detail: z.string(),
    instance: z.string().meta({ description: 'the request path' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'the offending fields (400; some 404 name the field too)' }),
    currentStatus: z.string().optional().meta({ description: 'the status that refused the action (409)' }),
    currentVersion: z.number().int().optional().meta({ description: 'the version now stored (409 VERSION_CONFLICT)' }),
    retryAfterSeconds: z.number().optional().meta({ description: 'when the action may be tried again (429)' }),
  })
  .loose()
  .meta({ id: 'Problem' });

const retryAfter = z.object({ 'Retry-After': z.string().meta({ description: 'seconds to wait before trying again' }) });

/** Every error status the API sends, each a shared response component. */
const ERRORS = {
  400: { id: 'BadRequest', description: 'Invalid input: the fields are named in `errors`.' },
  401: {
    id: 'Unauthenticated',
    description: 'No bearer token, or an invalid or expired one.',
    headers: z.object({ 'WWW-Authenticate': z.string().meta({ example: 'Bearer' }) }),
  },
  403: { id: 'Forbidden', description: 'The role may not take this action.' },
  404: { id: 'NotFound', description: 'Absent, or not yours.' },
  409: { id: 'Conflict', description: 'Not allowed in the current status (`currentStatus`), a version conflict, or an Idempotency-Key reused with another body.' },
  410: { id: 'Gone', description: 'It existed but can no longer be used (an invitation accepted, revoked or expired); `code` says which.' },
  429: { id: 'Throttled', description: 'Too soon: try again after `Retry-After` seconds.', headers: retryAfter },
  500: { id: 'InternalError', description: 'Something went wrong on our side; nothing a client sends causes it.' },
  503: {
    id: 'Unavailable',
    description: 'A dependency (the database, the token key set) is unavailable: try again after `Retry-After` seconds.',
    headers: retryAfter,
  },
} as const;
export type ErrorStatus = keyof typeof ERRORS;

// One object per status, so that every operation refers to the same response component.
const ERROR_RESPONSES = Object.fromEntries(
  Object.entries(ERRORS).map(([s, r]) => [s, { ...r, content: { 'application/problem+json': { schema: problem } } }]),
) as unknown as Record<`${ErrorStatus}`, ZodOpenApiResponseObject>;

const problems = (statuses: ErrorStatus[]) =>
  Object.fromEntries([...new Set(statuses)].sort().map((s) => [String(s), ERROR_RESPONSES[s]]));

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

interface Op {
  summary: string;
  /** The success answer's schema (a view from lib/<area>/schemas.ts). */
  answers: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** 'roles' (default: 401, 403), 'signed-in' (any signed-in user: 401) or 'public'. */
  access?: 'roles' | 'signed-in' | 'public';
  created?: boolean;
  /** Accepts `Idempotency-Key`; a replay answers the first answer (or the resource read again, when it was large) with `Idempotent-Replayed: true`. */
  idempotent?: boolean;
  /** Error statuses beyond those every route can send (400, 500, 503; 401/403 by access; 404 with path ids). */
  errors?: ErrorStatus[];
  /** The success answer's media type (default application/json). */
  type?: string;
  /** A static answer outside the JSON stack: reads no input and no table, so only 500 can go wrong. */
  fixed?: boolean;
  /** Answers 302 with a `Location` (a presigned download), or 200 with `answers` (the link) to `Accept: application/json`. */
  redirect?: boolean;
}

/** One operation: every route answers 400, 500 and 503; the rest follows from access, path ids and `errors`. */
const op = ({ summary, answers, params, query, body, access = 'roles', created, idempotent, errors = [], type, fixed, redirect }: Op): ZodOpenApiOperationObject => ({
  summary,
  security: access === 'public' ? [] : [{ cognito: [] }],
  requestParams: {
    ...(params ? { path: params } : {}),
    ...(query ? { query: query as z.ZodObject } : {}),
    ...(idempotent ? { header: z.object({ 'idempotency-key': z.string().max(100).optional() }) } : {}),
  },
  ...(body ? { requestBody: { content: json(body) } } : {}),
  responses: {
    ...(redirect
      ? {
          '302': { description: summary, headers: z.object({ Location: z.string().meta({ description: 'a presigned URL, valid five minutes' }) }) },
          '200': { description: 'with `Accept: application/json`: the same link as a body', content: { 'application/json': { schema: answers } } },
        }
      : {
          [created ? '201' : '200']: {
            description: summary,
            ...(idempotent
              ? { headers: z.object({ 'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'present on a replayed answer' }) }) }
              : {}),
            content: { [type ?? 'application/json']: { schema: answers } },
          },
        }),
    ...problems(fixed ? [500] : [
      400,
      500,
      503,
      ...(access === 'public' ? [] : ([401] as const)),
      ...(access === 'roles' ? ([403] as const) : []),
      ...(params ? ([404] as const) : []),
      ...errors,
    ]),
  },
});

const productList = pageOf(productRowView).meta({ id: 'ProductRowPage' });
const catalogPage = pageOf(catalogListItemView).meta({ id: 'CatalogPage' });
// list endpoints answer summary rows, from the order's head alone (docs/decisions.md)
const orderPage = pageOf(orderSummaryView).meta({ id: 'OrderPage' });
const deliveryPage = pageOf(deliveryView).meta({ id: 'DeliveryPage' });

const cmd = (summary: string, body?: z.ZodType, errors: ErrorStatus[] = [409]) =>
  op({ summary, params: orderIdParams, body, answers: orderView, idempotent: true, errors });

/** An operation whose success is 204 with no body. */
const noContent = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => {
  const { '200': ok, ...rest } = o.responses as unknown as Record<string, { headers?: unknown }>;
  const headers = ok?.headers ? { headers: ok.headers } : {};
  return { ...o, responses: { '204': { description: 'Done; no body', ...headers }, ...rest } as ZodOpenApiOperationObject['responses'] };
};

const csvExport = (): ZodOpenApiOperationObject => {
  const o = op({ summary: 'Own orders as CSV (UTF-8 with BOM; Chinese headers unless Accept-Language: en)', query: exportQuery, answers: z.string(), type: 'text/csv' });
  const { '200': ok, ...rest } = o.responses as unknown as Record<string, Record<string, unknown>>;
  return {
    ...o,
    responses: {
      '200': {
        ...ok,
        description: 'At most 5,000 rows (and 4 MB); when more follow, Export-Truncated and Export-Next-Cursor say where to go on',
        headers: z.object({
          'Content-Disposition': z.string().meta({ example: 'attachment; filename="orders-2026-11-24.csv"' }),
          'Export-Rows': z.string().meta({ description: 'the number of rows in this answer' }),
          'Export-Truncated': z.literal('true').optional().meta({ description: 'present when more rows match than one answer carries' }),
          'Export-Next-Cursor': z.string().optional().meta({ description: 'send as `cursor` for the rest' }),
        }),
      },
      ...rest,
    } as ZodOpenApiOperationObject['responses'],
  };
};

/**
 * A `/provider/*` operation acts for one organisation (docs/decisions.md, "Provider organisations"): it takes the
 * `Provider-Id` header (required when the caller belongs to several: 400 naming it) and answers 404 when the
 * header names an organisation the caller is not in.
 */
const actingForOrganisation = (paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject =>
  Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      if (!path.startsWith('/provider/')) return [path, item];
      const ops = Object.fromEntries(
        Object.entries(item as Record<string, ZodOpenApiOperationObject>).map(([method, o]) => {
          const header = ((o.requestParams?.header as z.ZodObject | undefined) ?? z.object({})).extend({
            'provider-id': z.string().max(40).optional().meta({ description: 'the organisation the request acts for; needed when the caller belongs to several' }),
          });
          return [method, { ...o, requestParams: { ...o.requestParams, header }, responses: { ...o.responses, ...problems([404]) } }];
        }),
      );
      return [path, ops];
    }),
  );

export const apiRoutes: ZodOpenApiPathsObject = actingForOrganisation({
  '/provider/products': {
    post: op({ summary: '商品接入: create a draft', body: createProductBody, answers: providerProductView, created: true, idempotent: true, errors: [409, 429] }),
    get: op({ summary: 'Own products', query: providerProductsQuery, answers: productList }),
  },
  '/provider/products/{productId}': {
    get: op({ summary: 'Own product with live version, pending revision and review history', params: productIdParams, answers: providerProductView }),
    patch: op({ summary: '修改 the draft or the pending revision', params: productIdParams, body: editProductBody, idempotent: true, answers: providerProductView, errors: [409] }),
  },
  '/provider/products/{productId}/submit': { post: op({ summary: '提交 for review', params: productIdParams, idempotent: true, answers: providerProductView, errors: [409] }) },
  '/provider/products/{productId}/withdraw': { post: op({ summary: '撤销审核', params: productIdParams, idempotent: true, answers: providerProductView, errors: [409] }) },
  '/provider/products/{productId}/delist': { post: op({ summary: '下架', params: productIdParams, idempotent: true, answers: providerProductView, errors: [409] }) },
  '/products': { get: op({ summary: 'The catalogue', query: catalogQuery, access: 'public', answers: catalogPage }) },
  '/products/{productId}': { get: op({ summary: 'The product page (查看)', params: productIdParams, access: 'public', answers: catalogItemView }) },
  '/operator/reviews': { get: op({ summary: 'The review queue, oldest first', query: reviewQueueQuery, answers: productList }) },
  '/operator/products/{productId}/approve': {
    post: op({ summary: 'Approve the submitted version', params: productIdParams, body: reviewDecisionBody, idempotent: true, answers: providerProductView, errors: [409] }),
  },
  '/operator/products/{productId}/reject': {
    post: op({ summary: 'Reject with a reason', params: productIdParams, body: rejectBody, idempotent: true, answers: providerProductView, errors: [409] }),
  },
  '/orders': {
    post: op({ summary: 'Buy a plan of a listed product', body: createOrderBody, answers: orderView, created: true, idempotent: true, errors: [404, 409, 429] }),
  },
  '/buyer/orders': { get: op({ summary: 'Own orders (buyer)', query: orderListQuery, answers: orderPage }) },
  '/provider/orders': { get: op({ summary: 'Own orders (provider)', query: orderListQuery, answers: orderPage }) },
  '/orders/{orderId}': { get: op({ summary: 'The order with both labels and its timeline', params: orderIdParams, answers: orderView }) },
  '/orders/{orderId}/requirements': { put: cmd('提交需求单', requirementsBody) },
  '/orders/{orderId}/requirements/reject': { post: cmd('驳回需求', reasonBody) },
  '/orders/{orderId}/start': { post: cmd('开始实施') },
  '/orders/{orderId}/complete': { post: cmd('实施完成, with a note and optionally attachments of this order', completeBody) },
  '/orders/{orderId}/urge': { post: cmd('催促 (429 within 24 hours)', undefined, [409, 429]) },
  '/orders/{orderId}/confirm': { post: cmd('确认完成') },
  '/orders/{orderId}/reject-completion': { post: cmd('驳回验收', reasonBody) },
  '/orders/{orderId}/cancel': { post: cmd('Cancel before work starts (refund)', optionalReasonBody) },
  '/orders/{orderId}/appeal': { post: cmd('申诉', reasonBody) },
  '/operator/orders/{orderId}/resolve': { post: cmd('Resolve a dispute', resolveBody) },
  '/notifications': { get: op({ summary: 'Own inbox (站内信) with the unread count', query: inboxQuery, access: 'signed-in', answers: inboxView }) },
  '/notifications/{notificationId}/read': {
    post: op({ summary: 'Mark read', params: notificationIdParams, access: 'signed-in', answers: notificationView, errors: [409] }),
  },
  '/provider/webhook': {
    get: op({ summary: 'The registered endpoint', answers: webhookView, errors: [404] }),
    put: op({ summary: 'Register the endpoint; answers the signing secret', body: putWebhookBody, idempotent: true, answers: webhookSecretView }),
  },
  '/provider/webhook/deliveries': { get: op({ summary: 'Recent deliveries with every attempt', query: deliveriesQuery, answers: deliveryPage }) },
  // The API document and its reference page
  '/openapi.json': {
    get: op({
      summary: 'This document; its first server is `/`, the deployment that answers',
      access: 'public',
      answers: z.object({ openapi: z.string() }).loose(),
      fixed: true,
    }),
  },
  '/docs': { get: op({ summary: 'The API reference page (Redoc; its renderer is one of the console’s static files)', access: 'public', type: 'text/html', answers: z.string(), fixed: true }) },
  // Conversation, attachments and ratings (沟通 · 附件 · 评价)
  '/orders/{orderId}/messages': { post: cmd('沟通: a message in the timeline, optionally with attachments of this order (429 past the per-user limit)', messageBody, [409, 429]) },
  '/orders/{orderId}/attachments': {
    post: op({
      summary:
        'A presigned upload (POST policy: exact type, at most the declared size ≤ 20 MB) and its attachmentId; the name ends in an extension of its type (409 past the party’s 50, 429 past the per-user limit)',
      params: orderIdParams,
      body: grantBody,
      answers: uploadGrantView,
      created: true,
      idempotent: true,
      errors: [409, 429],
    }),
  },
  '/orders/{orderId}/attachments/{attachmentId}': {
    get: op({
      summary: 'A presigned download valid five minutes (parties and operators): 302, or the link as JSON; a referenced attachment serves what its first reference checked (409 ATTACHMENT_ALTERED if that changed)',
      params: attachmentParams,
      answers: downloadLinkView,
      redirect: true,
      errors: [409],
    }),
  },
  '/orders/{orderId}/review': {
    post: op({ summary: '评价 a completed order, once (its buyer)', params: orderIdParams, body: reviewBody, answers: reviewView, created: true, idempotent: true, errors: [409] }),
    patch: op({ summary: 'Edit the rating within 7 days (its author)', params: orderIdParams, body: editReviewBody, answers: reviewView, idempotent: true, errors: [409] }),
  },
  '/orders/{orderId}/review/reply': {
    post: op({ summary: 'Reply to the rating, once (the order’s provider)', params: orderIdParams, body: replyBody, answers: reviewView, idempotent: true, errors: [409] }),
  },
  '/products/{productId}/reviews': {
    get: op({
      summary: 'Ratings of a listed product, newest first, with its average and count',
      params: productIdParams,
      query: productReviewsQuery,
      access: 'public',
      answers: reviewPageView,
    }),
  },
  // Operator queues and search, takedown, export, dashboard, webhook control, read-all, deleting drafts
  '/operator/orders': {
    get: op({ summary: 'Every order; status=disputed is the appeal queue, oldest appeal first', query: operatorOrdersQuery, answers: orderPage }),
  },
  '/operator/products': { get: op({ summary: 'Every product; filters status, providerId, serviceType', query: operatorProductsQuery, answers: productList }) },
  '/operator/products/{productId}': {
    get: op({ summary: 'Any product with live version, pending revision and review history (the review page)', params: productIdParams, answers: providerProductView }),
  },
  '/operator/products/{productId}/delist': {
    post: op({
      summary: '违规下架: platform takedown with a reason (403 CONFLICT_OF_INTEREST on one’s own product)',
      params: productIdParams,
      body: takedownBody,
      idempotent: true,
      answers: providerProductView,
      errors: [409],
    }),
  },
  '/provider/orders/export': { get: csvExport() },
  '/provider/dashboard': {
    get: op({ summary: 'Orders and revenue per day, orders per status, average hours, urges, appeals', query: dashboardQuery, answers: dashboardView }),
  },
  '/notifications/read-all': {
    post: op({ summary: 'Mark the whole inbox read (what arrives meanwhile stays unread)', access: 'signed-in', idempotent: true, answers: readAllView }),
  },
  '/provider/webhook/test': {
    post: op({ summary: 'Send a signed ping now; answers the delivery with the response code (429 past the per-provider limit)', idempotent: true, answers: deliveryView, errors: [404, 409, 429] }),
  },
  '/provider/webhook/deliveries/{deliveryId}/redeliver': {
    post: op({ summary: 'Send a failed or gone delivery again (same webhook-id; 429 past the per-provider limit)', params: deliveryIdParams, idempotent: true, answers: deliveryView, errors: [409, 429] }),
  },
  // Redemption codes (兑换码交付)
  '/provider/products/{productId}/codes': {
    post: op({ summary: '上传兑换码: 1–1,000 codes for one plan; duplicates named by index, never echoed', params: codesProductParams, body: uploadCodesBody, idempotent: true, answers: uploadAnswerView, errors: [404, 409] }),
    get: op({ summary: '兑换码: stock per plan; one plan’s codes masked, with the order that got each', params: codesProductParams, query: codesQuery, answers: codesView }),
  },
  '/orders/{orderId}/reveal': { post: cmd('查看兑换码: the buyer of a delivered code order; the answer carries `codes`') },
  // Provider applications (服务商入驻)
  '/provider-applications': {
    post: op({
      summary: '入驻: apply with the company’s details and an uploaded licence (409 CREDIT_CODE_TAKEN when the credit code has an organisation)',
      access: 'signed-in',
      body: applicationBody,
      answers: applicationView,
      created: true,
      idempotent: true,
      errors: [409],
    }),
  },
  '/provider-applications/licences': {
    post: op({
      summary: 'A presigned upload of the business licence (pdf, png or jpeg, at most 5 MB; S3 enforces type and size) and its licenceId (429 past the per-user limit)',
      access: 'signed-in',
      body: licenceGrantBody,
      answers: licenceGrantView,
      created: true,
      idempotent: true,
      errors: [429],
    }),
  },
  '/provider-applications/mine': { get: op({ summary: 'Own applications, newest first', access: 'signed-in', query: myApplicationsQuery, answers: applicationPageView }) },
  '/provider-applications/{applicationId}': {
    get: op({ summary: 'One application (its applicant, or an operator)', access: 'signed-in', params: applicationIdParams, answers: applicationView }),
    patch: op({
      summary: '修改 a pending or rejected application and submit it again (back of the queue)',
      access: 'signed-in',
      params: applicationIdParams,
      body: applicationPatchBody,
      answers: applicationView,
      idempotent: true,
      errors: [409],
    }),
  },
  '/provider-applications/{applicationId}/withdraw': {
    post: op({ summary: '撤回 a pending application', access: 'signed-in', params: applicationIdParams, answers: applicationView, idempotent: true, errors: [409] }),
  },
  '/provider-applications/{applicationId}/licence': {
    get: op({
      summary: 'The licence as checked at submission (its applicant, or an operator): 302 to a presigned download valid five minutes, or the link as JSON',
      access: 'signed-in',
      params: applicationIdParams,
      answers: downloadLinkView,
      redirect: true,
      errors: [409],
    }),
  },
  '/operator/provider-applications': {
    get: op({ summary: '入驻审核: applications in one status (default pending), oldest submission first', query: applicationQueueQuery, answers: applicationPageView }),
  },
  '/operator/provider-applications/{applicationId}/approve': {
    post: op({
      summary: '通过 the version seen: the organisation with the applicant as its administrator, in one transaction (409 CREDIT_CODE_TAKEN, VERSION_CONFLICT; 403 CONFLICT_OF_INTEREST on one’s own)',
      params: applicationIdParams,
      body: approveBody,
      answers: applicationView,
      idempotent: true,
      errors: [409],
    }),
  },
  '/operator/provider-applications/{applicationId}/reject': {
    post: op({ summary: '驳回 the version seen, with a reason', params: applicationIdParams, body: rejectApplicationBody, answers: applicationView, idempotent: true, errors: [409] }),
  },
  // SaaS orders (spec 3.1)
  '/orders/{orderId}/renew': { post: cmd('续费 a SaaS order (active or expired → active; renewInstance is sent)', renewBody) },
  '/orders/{orderId}/change-plan': { post: cmd('变更规格 of an active SaaS order (modifyInstance is sent)', changePlanBody) },
  '/orders/{orderId}/refund': { post: cmd('申请退款 within 5 days of purchase (destroyInstance is sent; 409 REFUND_PERIOD_OVER after)', reasonBody) },
  // SaaS 接入 (spec 3.1)
  '/provider/saas-endpoint': {
    get: op({ summary: 'The saved SaaS endpoint: URL, whether a token is set, the actions that passed 接口调试', answers: saasEndpointView, errors: [404] }),
    put: op({
      summary: 'Save the SaaS endpoint once it answers verifyInterface with the echoback (400 SAAS_ENDPOINT_UNVERIFIED with what it answered)',
      body: putSaasEndpointBody,
      idempotent: true,
      answers: saasEndpointView,
    }),
  },
  '/provider/saas-endpoint/debug': {
    post: op({ summary: '接口调试: send one action with test data to the saved endpoint; the request, response, latency and verdict', body: debugSaasBody, idempotent: true, answers: saasDebugView, errors: [404] }),
  },
  '/provider/saas-calls': { get: op({ summary: 'The SaaS call log, newest first', query: saasCallsQuery, answers: pageOf(saasCallView) }) },
  '/provider/saas-calls/{callId}/resend': {
    post: op({ summary: '重新发送 a failed SaaS call, with the same eventId (409 unless failed)', params: saasCallIdParams, idempotent: true, answers: saasCallView, errors: [409] }),
  },
  // Suspension (服务商管理)
  '/operator/providers': {
    get: op({ summary: 'Organisations by name; filters name prefix, creditCode, status (each a key condition)', query: operatorProvidersQuery, answers: operatorOrganisationPage }),
  },
  '/operator/providers/{providerId}/suspend': {
    post: op({
      summary: '暂停 with a reason: its products leave the catalogue and cannot be bought; its orders go on (403 CONFLICT_OF_INTEREST for one’s own organisation; 409 when already suspended)',
      params: providerIdParams,
      body: suspendBody,
      idempotent: true,
      answers: operatorOrganisationView,
      errors: [409],
    }),
  },
  '/operator/providers/{providerId}/reinstate': {
    post: op({
      summary: '恢复: exactly the products that were listed return to the catalogue (409 when not suspended)',
      params: providerIdParams,
      body: reinstateBody,
      idempotent: true,
      answers: operatorOrganisationView,
      errors: [409],
    }),
  },
  // Members and invitations (成员管理)
  '/provider/members': { get: op({ summary: 'The team: every member with their role, oldest first (every member reads it)', query: membersQuery, answers: memberPage }) },
  '/provider/members/{userId}': {
    patch: op({ summary: 'Change a member’s role (administrator; 409 LAST_ADMIN for the last administrator)', params: memberParams, body: changeRoleBody, idempotent: true, answers: memberView, errors: [409] }),
    delete: noContent(
      op({ summary: 'Remove a member (administrator; 409 LAST_ADMIN for the last administrator); they are refused on their next request', params: memberParams, idempotent: true, answers: z.undefined(), errors: [409] }),
    ),
  },
  '/provider/invitations': {
    post: op({
      summary: 'Invite by email with a role (administrator): the single-use link goes by email only, valid 7 days; 503 and nothing kept when the mail cannot be sent; 409 ALREADY_MEMBER',
      body: inviteBody,
      idempotent: true,
      created: true,
      answers: invitationView,
      errors: [409],
    }),
    get: op({ summary: 'Pending invitations that have not expired, soonest to expire first (administrator)', query: invitationsQuery, answers: invitationPage }),
  },
  '/provider/invitations/{invitationId}': {
    delete: op({ summary: 'Revoke a pending invitation (administrator; 409 unless pending)', params: invitationIdParams, idempotent: true, answers: invitationView, errors: [409] }),
  },
  '/invitations/{token}/accept': {
    post: op({
      summary: 'Join the organisation: signed in with the invited email’s account (403 INVITATION_EMAIL_MISMATCH); 410 INVITATION_USED, INVITATION_REVOKED or INVITATION_EXPIRED; 409 ALREADY_MEMBER',
      params: invitationTokenParams,
      access: 'signed-in',
      idempotent: true,
      created: true,
      answers: membershipView,
      errors: [403, 409, 410],
    }),
  },
});
// People: own profile (spec 2.1 Accounts)
Object.assign(apiRoutes, {
  '/me': {
    get: op({ summary: 'Own profile (made on first read), email preferences, and the organisations with role', access: 'signed-in', answers: meView }),
    put: op({
      summary: 'Replace the editable profile: displayName (1–30), phone (mainland mobile, or null), locale, emailPreferences',
      body: putMeBody,
      access: 'signed-in',
      idempotent: true,
      answers: meView,
      errors: [409],
    }),
  },
} satisfies ZodOpenApiPathsObject);

(apiRoutes['/provider/products/{productId}'] as Record<string, unknown>).delete = noContent(
  op({ summary: 'Delete a product that was never listed (409 otherwise)', params: productIdParams, idempotent: true, answers: z.undefined(), errors: [409] }),
);
(apiRoutes['/provider/webhook'] as Record<string, unknown>).delete = noContent(
  op({ summary: 'Remove the endpoint (deliveries stay in the log)', idempotent: true, answers: z.undefined(), errors: [404] }),
);

/**
 * What the platform POSTs to a provider's endpoint (spec 5, 5.1): each event's contract, signed per Standard
 * Webhooks; any 2xx answer accepts it, anything else is retried with the same `webhook-id`.
 */
export const webhookEvents: ZodOpenApiPathsObject = Object.fromEntries(
  WEBHOOK_EVENTS.map((schema) => {
    const type = schema.shape.type.value;
    return [
      type,
      {
        post: {
          summary: `${type} (version ${schema.shape.version.value})`,
          description: schema.meta()?.description,
          tags: ['Webhooks'],
          parameters: [
            { in: 'header', name: 'webhook-id', required: true, schema: { type: 'string' }, description: '`msg_<delivery id>`, the same on every retry' },
            { in: 'header', name: 'webhook-timestamp', required: true, schema: { type: 'string' }, description: 'seconds since the epoch, when this attempt was signed' },
            { in: 'header', name: 'webhook-signature', required: true, schema: { type: 'string' }, description: '`v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed by the endpoint’s secret' },
          ],
          requestBody: { required: true, content: { 'application/json': { schema } } },
          responses: {
            '200': { description: 'Accepted (any 2xx)' },
            '410': { description: 'Gone: the endpoint is disabled and nothing more is sent' },
          },
        },
      },
    ];
  }),
);

export const openApiDocument = () =>
  createDocument({
    openapi: '3.1.0',
    info: { title: 'Cloud marketplace back office', version: '1.0.0' },
    // GET /openapi.json puts the deployment that answers first; this entry is the local stack (npm start).
    servers: [{ url: 'http://127.0.0.1:3000', description: 'The local stack (npm start)' }],
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token' } },
      // the product events are published on the platform's bus only (no provider endpoint receives them)
      schemas: Object.fromEntries([...PRODUCT_EVENTS, ...PROVIDER_EVENTS, ...APPLICATION_EVENTS].map((schema) => [schema.meta()!.id as string, schema])),
    },
    paths: apiRoutes,
    webhooks: webhookEvents,
  });
