import type { APIGatewayProxyResultV2 } from 'aws-lambda';

/**
 * WebSocket `$default` — what a console sends is only its keep-alive (API Gateway closes a connection idle for
 * ten minutes): answered with nothing, and no table access.
 */
export const handler = async (): Promise<APIGatewayProxyResultV2> => ({ statusCode: 200 });
