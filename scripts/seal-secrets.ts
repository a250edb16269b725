import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { functionEnv, noStackFile, readStackFile } from './lib/local-config';
import { parseTargetArgs } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run secrets:seal [-- --stage <stage> [--region <region>]]`: seals, in place, every webhook signing secret
 * still stored in plain text (endpoints registered before secrets were sealed), in the local stack or a deployed
 * stage (with credentials that may scan its table and use its secrets key). Safe to run again: it finds nothing.
 */
const args = parseTargetArgs(process.argv.slice(2));

/** The environment the functions of that stage see, as far as this needs it. */
const environment = (): Record<string, string> => {
  if (!args.stage || args.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new Error(noStackFile());
    if (!stack.secretsKeyFile) throw new Error('The running stack names no secrets key file: restart it with `npm start`.');
    return functionEnv(stack);
  }
  const region = args.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', args.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  const output = `${info.stdout}\n${info.stderr}`;
  const value = (key: string) => new RegExp(`^\\s*${key}: (\\S+)`, 'm').exec(output)?.[1];
  const [table, key, pool, client] = ['TableName', 'SecretsKeyArn', 'UserPoolId', 'UserPoolClientId'].map(value);
  if (info.status !== 0 || !table || !key || !pool || !client) throw new Error(`Could not read the ${args.stage} stack's outputs in ${region} (osls info).`);
  return {
    STAGE: args.stage,
    AWS_REGION: region,
    TABLE_NAME: table,
    SECRETS_KMS_KEY: key,
    AUTH_ISSUER: `https://cognito-idp.${region}.amazonaws.com/${pool}`,
    AUTH_CLIENT_ID: client,
  };
};

const main = async () => {
  Object.assign(process.env, environment());
  // the configuration is read when these load: after the environment above
  const { sealPlainSecrets } = await import('./lib/seal-plain-secrets');
  const { sealed, skipped } = await sealPlainSecrets();
  console.log(`Sealed ${sealed} webhook signing secret${sealed === 1 ? '' : 's'}${skipped ? ` (${skipped} replaced meanwhile, left as they are)` : ''}.`);
};
main().catch((err) => {
  console.error(`Could not seal the secrets: ${(err as Error).message}`);
  process.exit(1);
});
