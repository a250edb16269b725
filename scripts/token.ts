import { StackError, signIn } from './lib/stack';
import { parseTargetArgs, poolTarget } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm run token -- <email> <password> [--stage <stage>]`: prints an access token for `Authorization: Bearer …`. */
const args = parseTargetArgs(process.argv.slice(2));
const [email, password] = args.positional;
const main = async () => {
  if (!email || !password) throw new StackError('Usage: npm run token -- <email> <password> [--stage <stage>]');
  const pool = poolTarget(args);
  process.stdout.write(`${await signIn(pool.endpoint, pool.clientId, email, password, pool.userPoolId)}\n`);
};
main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not sign in: ${(err as Error).message}`);
  process.exit(1);
});
