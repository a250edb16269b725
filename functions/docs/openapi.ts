import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import document from '../../docs/openapi.json';
import { originOf, servedDocument } from '../../lib/docs/reference';

/**
 * GET /openapi.json — the API document (docs/openapi.json, kept equal to the zod schemas by a test), with
 * the deployment that answers as its first server. A static answer: no input to parse, nobody to
 * authorize, so neither the JSON stack nor the token verifier is bundled here.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  body: JSON.stringify(servedDocument(document, originOf(event))),
});
