import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { closeConnection } from '../../lib/live/connections';
import { logger } from '../../lib/observability/logger';

/** WebSocket `$disconnect` — the closed connection leaves its person's partition. */
export const handler = async (event: { requestContext: { connectionId: string } }, context?: Context): Promise<APIGatewayProxyResultV2> => {
  if (context) logger.addContext(context);
  await closeConnection(event.requestContext.connectionId);
  return { statusCode: 200 };
};
