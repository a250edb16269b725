import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { authenticate } from '../../lib/http/auth';
import type { Authenticate } from '../../lib/http/middleware/auth';
import { DomainError } from '../../lib/http/errors';
import { saveConnection } from '../../lib/live/connections';
import { logger } from '../../lib/observability/logger';

/** What `$connect` receives (API Gateway WebSocket; the token as `?token=`, browsers cannot set headers). */
export interface ConnectEvent {
  requestContext: { connectionId: string };
  queryStringParameters?: Record<string, string | undefined> | null;
}

/**
 * WebSocket `$connect` — the console's live connection: the token is verified as the HTTP API verifies it; a
 * bad or expired token never connects (401), an unreachable key set refuses with 503 and Retry-After.
 */
export const connectWith = (verify: Authenticate) => async (event: ConnectEvent, context?: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  if (context) logger.addContext(context);
  const token = event.queryStringParameters?.token;
  try {
    const user = await verify(token ? `Bearer ${token}` : undefined);
    await saveConnection({ userId: user.id, connectionId: event.requestContext.connectionId, roles: user.roles }, new Date());
    logger.debug('connected', { userId: user.id });
    return { statusCode: 200 };
  } catch (err) {
    if (err instanceof DomainError) return { statusCode: err.status, headers: err.headers };
    // the table did not take the connection: a fault of the moment, the console tries again
    logger.error('connect failed', { error: err as Error });
    return { statusCode: 503, headers: { 'retry-after': '1' } };
  }
};

export const handler = connectWith(authenticate);
