import { ROLE_GROUPS, StackError, addUser, type RoleName } from './lib/stack';
import { parseTargetArgs, poolTarget } from './lib/target';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run user:add -- <email> <password> <provider|buyer|operator> [--stage <stage>]`: a user of a role in the
 * local pool, or in a deployed stage's pool.
 */
const args = parseTargetArgs(process.argv.slice(2));
const [email, password, role] = args.positional;
const main = async () => {
  if (!email || !password || !(role in ROLE_GROUPS)) {
    throw new StackError('Usage: npm run user:add -- <email> <password> <provider|buyer|operator> [--stage <stage>]');
  }
  const pool = poolTarget(args);
  const { sub, roles } = await addUser(pool.endpoint, pool.userPoolId, email, password, role as RoleName);
  // a user already in another group keeps it: say every role the user now holds
  const named = (roles.length ? roles : [role as RoleName]).map((r) => `${r === 'operator' ? 'an' : 'a'} ${r}`);
  const held = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
  const groups = roles.map((r) => ROLE_GROUPS[r]).join(', ');
  console.log(`${email} is ${held} (group${roles.length > 1 ? 's' : ''} ${groups}; user id ${sub}).`);
};
main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not add the user: ${(err as Error).message}`);
  process.exit(1);
});
