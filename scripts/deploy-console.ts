import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { buildConsole, CONSOLE_DIST, writeConsoleConfig } from './lib/console';

/**
 * `npm run deploy:console -- --stage <stage> [--region <region>]`: after `osls deploy --stage <stage>`,
 * builds the console, writes its config.json from the stack's outputs and uploads web/dist to the
 * console bucket (hashed assets cached for a year, index.html and config.json revalidated).
 */
const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (!value) {
    console.error(`Missing --${name}. Usage: npm run deploy:console -- --stage <stage> [--region <region>]`);
    process.exit(2);
  }
  return value;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

const main = async () => {
  const stage = arg('stage');
  const region = arg('region', process.env.AWS_REGION ?? 'us-east-1');
  const stackName = `marketplace-${stage}`;
  const cfn = new CloudFormationClient({ region });
  const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  for (const key of ['HttpApiUrl', 'UserPoolId', 'UserPoolClientId', 'ConsoleBucketName', 'ConsoleUrl']) {
    if (!outputs[key]) throw new Error(`Stack ${stackName} has no output ${key}: deploy it first (npx osls deploy --stage ${stage}).`);
  }

  console.log('Building the console…');
  await buildConsole(false);
  writeConsoleConfig({
    apiUrl: outputs.HttpApiUrl!,
    // the WebSocket API's wss:// URL (the framework's own output)
    ...(outputs.ServiceEndpointWebsocket ? { websocketUrl: outputs.ServiceEndpointWebsocket } : {}),
    cognito: { region, userPoolId: outputs.UserPoolId!, clientId: outputs.UserPoolClientId! },
  });

  const s3 = new S3Client({ region });
  const Bucket = outputs.ConsoleBucketName!;
  const uploaded = new Set<string>();
  for (const path of files(CONSOLE_DIST)) {
    const Key = relative(CONSOLE_DIST, path).split('\\').join('/');
    const immutable = Key.startsWith('assets/');
    await s3.send(
      new PutObjectCommand({
        Bucket,
        Key,
        Body: readFileSync(path),
        ContentType: TYPES[extname(Key)] ?? 'application/octet-stream',
        CacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      }),
    );
    uploaded.add(Key);
  }
  // Older hashed assets stay: a tab opened before this deploy still loads its route chunks.
  console.log(`Uploaded ${uploaded.size} files to s3://${Bucket}. Console: ${outputs.ConsoleUrl}`);
};

main().catch((err) => {
  console.error(`Could not deploy the console: ${(err as Error).message}`);
  process.exit(1);
});
