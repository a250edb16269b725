import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../lib/openapi';

/** `npm run openapi`: writes docs/openapi.json from the zod schemas the handlers validate with. */
writeFileSync(join(__dirname, '..', 'docs', 'openapi.json'), JSON.stringify(openApiDocument(), null, 2) + '\n');
console.log('Wrote docs/openapi.json');
