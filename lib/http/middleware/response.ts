import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpMiddleware, HttpRequest, Reply } from './state';

/** A reply as API Gateway takes it: JSON unless the reply says otherwise, a raw body sent as is. */
export const toResult = (reply: Reply): APIGatewayProxyStructuredResultV2 => ({
  statusCode: reply.status,
  headers: { 'content-type': 'application/json', ...reply.headers },
  body: reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)),
});

/**
 * Who may keep a copy of an answer: `private` (every route behind a token: orders, exports, the inbox, the
 * answer carrying a webhook secret) is never stored by a browser or a shared cache, whatever the reply says;
 * `public` (the catalogue) keeps the caching its reply chose.
 */
export type Caching = 'private' | 'public';

const serializeAs = (caching: Caching) => (request: HttpRequest) => {
  if (!request.response) return;
  // the chain carries replies; what leaves it is API Gateway's result
  const result = toResult(request.response);
  result.headers = {
    ...result.headers,
    // a body is never sniffed into another type (a CSV or a problem rendered as HTML)
    'x-content-type-options': 'nosniff',
    ...(caching === 'private' ? { 'cache-control': 'no-store' } : {}),
  };
  request.response = result as unknown as Reply;
};

/** The last step of every answer, accepted or a problem: the reply serialized for API Gateway, with its caching. */
export const response = (caching: Caching = 'private'): HttpMiddleware => {
  const serialize = serializeAs(caching);
  return { after: serialize, onError: serialize };
};
