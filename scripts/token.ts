import { readStackFile } from './lib/local-config';
import { StackError, signIn } from './lib/stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm run token -- <email> <password>`: prints an access token for `Authorization: Bearer …`. */
const [email, password] = process.argv.slice(2);
const main = async () => {
  if (!email || !password) throw new StackError('Usage: npm run token -- <email> <password>');
  const stack = readStackFile();
  if (!stack) throw new StackError('No .local/stack.json: run `npm start` first.');
  process.stdout.write(`${await signIn(stack.cognito.endpoint, stack.cognito.clientId, email, password)}\n`);
};
main().catch((err) => {
  console.error(err instanceof StackError ? err.message : `Could not sign in: ${(err as Error).message}`);
  process.exit(1);
});
