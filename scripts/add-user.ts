import { readStackFile } from './lib/local-config';
import { ROLE_GROUPS, StackError, ensureUser, type RoleName } from './lib/stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm run user:add -- <email> <password> <provider|buyer|operator>`: a user of a role in the local pool. */
const [email, password, role] = process.argv.slice(2);
const main = async () => {
  if (!email || !password || !(role in ROLE_GROUPS)) {
    throw new StackError('Usage: npm run user:add -- <email> <password> <provider|buyer|operator>');
  }
  const stack = readStackFile();
  if (!stack) throw new StackError('No .local/stack.json: run `npm start` first.');
  const sub = await ensureUser(stack.cognito.endpoint, stack.cognito.userPoolId, email, password, role as RoleName);
  console.log(`${email} is a ${role} (user id ${sub}).`);
};
main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not add the user: ${(err as Error).message}`);
  process.exit(1);
});
