import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { noStackFile, readStackFile } from './lib/local-config';
import { splitStoredItems } from './lib/items-split';
import { dynamoClient } from './lib/stack';
import { parseTargetArgs } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run migrate:items [-- --stage <stage> [--region <region>]]`: splits orders and products stored whole into head and
 * body (scripts/lib/items-split.ts), in the local stack or a deployed stage (with credentials that may scan
 * its table). Safe to run again: an order already split is not read as whole and is left alone.
 */
const args = parseTargetArgs(process.argv.slice(2));

const tableOf = () => {
  if (!args.stage || args.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new Error(noStackFile());
    return { client: dynamoClient(stack.dynamodb.endpoint), table: stack.dynamodb.tableName };
  }
  const region = args.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', args.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  const table = /^\s*TableName: (\S+)/m.exec(`${info.stdout}\n${info.stderr}`)?.[1];
  if (info.status !== 0 || !table) throw new Error(`Could not read the ${args.stage} stack's table in ${region} (osls info).`);
  return { client: new DynamoDBClient({ region }), table };
};

const main = async () => {
  const { client, table } = tableOf();
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const { scanned, orders, products, skipped } = await splitStoredItems(db, table);
  console.log(`Scanned ${scanned} items; split ${orders} order${orders === 1 ? '' : 's'} and ${products} product${products === 1 ? '' : 's'} into head and body${skipped ? `; ${skipped} changed meanwhile (run again)` : ''}.`);
};
main().catch((err) => {
  console.error(`Could not split the stored items: ${(err as Error).message}`);
  process.exit(1);
});
