import { logger } from '../../observability/logger';
import { problemLanguageOf } from '../language';
import { openState, type HttpMiddleware } from './state';

const lowerCaseHeaders = (headers: Record<string, string | undefined> | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));

/**
 * Opens the request for the middlewares after it: its headers by lower-case name, the language of its
 * problems, its id (API Gateway's, else the invocation's) on every log line, and its clock.
 */
export const requestContext = (): HttpMiddleware => ({
  before: (request) => {
    const { event } = request;
    const headers = lowerCaseHeaders(event.headers);
    const method = event.requestContext?.http?.method ?? 'GET';
    const requestId = event.requestContext?.requestId ?? request.context.awsRequestId;
    openState(request, {
      headers,
      lang: problemLanguageOf(headers),
      requestId,
      method,
      routeKey: event.routeKey ?? `${method} ${event.rawPath}`,
      started: Date.now(),
      now: new Date(),
    });
    logger.appendKeys({ requestId });
  },
});
