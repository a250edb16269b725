import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { noStackFile, readStackFile } from './lib/local-config';
import { backfillRows } from './lib/rows';
import { dynamoClient } from './lib/stack';
import { parseTargetArgs } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run migrate:rows [-- --stage <stage> [--region <region>]]`: gives every stored item of a type that lives
 * in an index the list row its declaration builds (lib/db/item.ts, `row`), in the local stack or a deployed
 * stage (with credentials that may scan and update its table). Run it before deploying the indexes that
 * project only `row`. Safe to run again: an item that has its row is passed over.
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
  const { scanned, written, skipped } = await backfillRows(db, table);
  console.log(`${scanned} item${scanned === 1 ? '' : 's'} scanned; ${written} given a list row${skipped ? `, ${skipped} written meanwhile` : ''}.`);
};
main().catch((err) => {
  console.error(`Could not give the stored items their list rows: ${(err as Error).message}`);
  process.exit(1);
});
