import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { config } from '../../lib/config';
import { referencePage } from '../../lib/docs/reference';

/**
 * GET /docs — the API reference page: a small static HTML whose renderer the console's hosting serves. No input
 * to parse or authorize, so the JSON middy stack is not needed here.
 */
export const handler = async (): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  },
  body: referencePage(config.consoleUrl),
});
