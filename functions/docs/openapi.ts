import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import document from '../../docs/openapi.json';
import { servedDocument } from '../../lib/docs/reference';

/**
 * GET /openapi.json — the API document (docs/openapi.json, kept equal to the zod schemas by a test), with
 * the API that answers (`/`) as its first server: the same bytes whatever the request's Host, so a shared cache
 * may keep one copy. A static answer: no input to parse, nobody to authorize, so neither the JSON stack nor the
 * token verifier is bundled here.
 */
export const handler = async (): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
  body: JSON.stringify(servedDocument(document)),
});
