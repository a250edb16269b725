import { indexes, type IndexName } from '../../lib/db/keys';
import { ITEM_DECLARATIONS } from '../../lib/items';
import { tableDefinition } from './infra';

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
    'One table (`PK`, `SK`), eight global secondary indexes (`GSI<n>PK`, `GSI<n>SK`), each projecting what serverless.yml says',
    'below. Each item type is declared once (lib/db/item.ts): its `type`, its shape, its key, its place in each index and',
    'the attributes of its list row (`row`, the map its indexes project; docs/decisions.md, "List rows"); every write',
    'builds its item, or the index keys and row paths of its update, from its declaration.',
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
    '## List rows',
    '',
    'What the indexes hold of each item type that lives in one: its list row (`row`, unwrapped by every index Query) and',
    'the names projected beside it. An update that changes none of these changes nothing in any index. Listed',
    'attributes are also stored at the top level of the item, but those kept in the row only.',
    '',
    '| Item | Listed attributes (`row`) | Kept in the row only | Projected by name |',
    '| --- | --- | --- | --- |',
    ...described.flatMap(({ name, listed, projected, rowOnly }) =>
      listed === undefined
        ? []
        : [
            `| ${name} | ${listed === null ? `every stored attribute${projected.length ? ' but those projected by name' : ''}` : listed.length ? listed.map(code).join(', ') : 'none'} | ${rowOnly.map(code).join(', ') || '–'} | ${projected.map(code).join(', ') || '–'} |`,
          ],
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
  const deployed = tableDefinition('T').GlobalSecondaryIndexes ?? [];
  for (const name of Object.keys(indexes) as IndexName[]) {
    const { pk, sk } = indexes[name];
    const places = described.flatMap((d) => d.indexes.filter((i) => i.name === name).map((i) => ({ item: d.name, ...i })));
    const projection = deployed.find((g) => g.IndexName === name)?.Projection;
    out.push(`## ${name} (${code(pk)}, ${code(sk)})`, '');
    out.push(
      `Projection: ${code(projection?.ProjectionType ?? 'ALL')}${projection?.NonKeyAttributes?.length ? ` ${projection.NonKeyAttributes.map(code).join(', ')}` : ''} (and the keys of the table and the index).`,
      '',
    );
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
