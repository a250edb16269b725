import document from '../../docs/openapi.json';
import { originOf, servedDocument } from '../../lib/docs/reference';
import { ok, route } from '../../lib/http/route';

/** GET /openapi.json — the API document (docs/openapi.json, kept equal to the zod schemas by a test). */
export const handler = route({ access: 'public' }, async ({ headers }) => ok(servedDocument(document, originOf({ headers }))));
