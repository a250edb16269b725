import { indexes, type IndexName } from '../../lib/db/keys';
import { ITEM_DECLARATIONS } from '../../lib/items';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const code = (s: string) => `\`${s}\``;

/** docs/indexes.md: the table's key and every index, with the item types in each, from the item declarations. */
export const renderIndexMap = (): string => {
  const described = ITEM_DECLARATIONS.map((d) => d.describe());
  const out: string[] = [
    '# The table and its indexes',
    '',
    '<!-- Generated from the item declarations (lib/items.ts) by `npm run docs:indexes`; a unit test fails when this file is stale. -->',
    '',
    'One table (`PK`, `SK`), eight global secondary indexes (`GSI<n>PK`, `GSI<n>SK`, every attribute projected).',
    'Each item type is declared once (lib/db/item.ts): its `type`, its shape, its key and its place in each index;',
    'every write builds its item, or the index keys of its update, from its declaration.',
    '',
    '## Item types',
    '',
    '| Item | `type` | `PK` | `SK` | Indexes | Declared in |',
    '| --- | --- | --- | --- | --- | --- |',
    ...described.map(
      (d) =>
        `| ${d.name} | ${code(d.type)} | ${code(cell(d.key.PK))} | ${code(cell(d.key.SK))} | ${d.indexes.map((i) => i.name).join(', ') || '–'} | ${d.home} |`,
    ),
    '',
    ...described.flatMap((d) => [
      `- **${d.name}**: ${d.description}` +
        (d.copies.length
          ? ` Key copies, which a blind update copies a key from: ${d.copies.map((c) => `${code(c.name)} = ${code(cell(c.value))}`).join(', ')}.`
          : ''),
    ]),
    '',
  ];
  for (const name of Object.keys(indexes) as IndexName[]) {
    const { pk, sk } = indexes[name];
    const places = described.flatMap((d) => d.indexes.filter((i) => i.name === name).map((i) => ({ item: d.name, ...i })));
    out.push(`## ${name} (${code(pk)}, ${code(sk)})`, '');
    if (places.length === 0) {
      out.push('No item type lives in this index.', '');
      continue;
    }
    out.push(`| Item | ${code(pk)} | ${code(sk)} | When | Serves |`, '| --- | --- | --- | --- | --- |');
    for (const p of places) {
      out.push(`| ${p.item} | ${code(cell(p.pk))} | ${code(cell(p.sk))} | ${p.when ?? 'always'} | ${cell(p.serves.join('; '))} |`);
    }
    out.push('');
  }
  return out.join('\n');
};
