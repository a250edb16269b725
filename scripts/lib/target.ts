import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { noStackFile, readStackFile } from './local-config';
import { StackError } from './stack';

/**
 * Which user pool a script works on: the local stack's (.local/stack.json), or with `--stage <stage>` (and
 * optionally `--region <region>`) the deployed stack's, read from its CloudFormation outputs with `osls info`
 * and reached with the usual AWS credential chain.
 */
export interface PoolTarget {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

/** Splits `--stage X` and `--region Y` from the positional arguments. */
export const parseTargetArgs = (argv: string[]) => {
  const positional: string[] = [];
  const options: { stage?: string; region?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--stage' || argv[i] === '--region') options[argv[i].slice(2) as 'stage' | 'region'] = argv[++i];
    else positional.push(argv[i]);
  }
  return { positional, ...options };
};

export const poolTarget = (options: { stage?: string; region?: string }): PoolTarget => {
  if (!options.stage || options.stage === 'local') {
    const stack = readStackFile();
    if (!stack) throw new StackError(noStackFile());
    return { endpoint: stack.cognito.endpoint, userPoolId: stack.cognito.userPoolId, clientId: stack.cognito.clientId };
  }
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const info = spawnSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'osls'), ['info', '--stage', options.stage, '--region', region, '--verbose'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const output = `${info.stdout}\n${info.stderr}`;
  const value = (key: string) => new RegExp(`^\\s*${key}: (\\S+)`, 'm').exec(output)?.[1];
  const userPoolId = value('UserPoolId');
  const clientId = value('UserPoolClientId');
  if (info.status !== 0 || !userPoolId || !clientId) {
    const reason = output.split('\n').map((l) => l.trim()).find((l) => /error|credentials|not exist/i.test(l)) ?? 'no UserPoolId in its outputs';
    throw new StackError(`Could not read the ${options.stage} stack in ${region} (osls info): ${reason}`);
  }
  return { endpoint: `https://cognito-idp.${region}.amazonaws.com`, userPoolId, clientId };
};
