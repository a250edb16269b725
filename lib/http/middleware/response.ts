import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpMiddleware, HttpRequest, Reply } from './state';

/** A reply as API Gateway takes it: JSON unless the reply says otherwise, a raw body sent as is. */
export const toResult = (reply: Reply): APIGatewayProxyStructuredResultV2 => ({
  statusCode: reply.status,
  headers: { 'content-type': 'application/json', ...reply.headers },
  body: reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)),
});

const serialize = (request: HttpRequest) => {
  // the chain carries replies; what leaves it is API Gateway's result
  if (request.response) request.response = toResult(request.response) as unknown as Reply;
};

/** The last step of every answer, accepted or a problem: the reply serialized for API Gateway. */
export const response = (): HttpMiddleware => ({ after: serialize, onError: serialize });
