import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderIndexMap } from './lib/index-map';

/** `npm run docs:indexes`: writes docs/indexes.md from the item declarations. */
const target = join(__dirname, '..', 'docs', 'indexes.md');
writeFileSync(target, renderIndexMap());
console.log(`wrote ${target}`);
