import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { RENDERER_PATH, referencePage, rendererScript } from '../../lib/docs/reference';

/**
 * GET /docs — the API reference page; GET /docs/redoc.standalone.js — its renderer. Static answers with
 * no input to parse or authorize, so the JSON middy stack is not needed here.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> =>
  event.rawPath === RENDERER_PATH
    ? {
        statusCode: 200,
        headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' },
        body: rendererScript(),
      }
    : {
        statusCode: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' },
        body: referencePage(),
      };
