import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlesStale, lockWorkFolder, recordBundles } from './build-cache';
import { buildConsoleApart, ensureConsoleBuilt, serveConsole } from './console';
import { readFunctions } from './infra';
import { OFFLINE_PORTS, startOffline, type OfflinePort } from './offline';
import { stopChild } from './processes';
import {
  REGION,
  ensureTable,
  ensureUser,
  ensureUserPool,
  freePorts,
  requireFreePorts,
  requireJava,
  signIn,
  startCognito,
  startDynamo,
  mailCode,
  startMail,
  startS3,
  type DeliveredCode,
  type PoolIds,
  type PortSpec,
  type RoleName,
} from './stack';

/**
 * One composition of the local stack, used by `npm start`, the vitest and Playwright setups, the bench and chaos:
 * which parts run, on which ports, with which state, and one `stop()` for all of it.
 */
export type Part = 'dynamodb' | 'cognito' | 's3' | 'mail' | 'offline' | 'console';

/** Every port of the local stack: its variable, its fixed number (`npm start`'s default), what listens on it. */
export const STACK_PORTS = {
  dynamodb: { env: 'DYNAMODB_PORT', fixed: 8124, what: 'DynamoDB Local' },
  cognito: { env: 'COGNITO_PORT', fixed: 9229, what: 'cognito-local' },
  s3: { env: 'S3_PORT', fixed: 4569, what: 'the S3 emulator' },
  mail: { env: 'MAIL_PORT', fixed: 8005, what: 'the SES emulator (mail viewer)' },
  ...OFFLINE_PORTS,
  console: { env: 'CONSOLE_PORT', fixed: 5173, what: 'the console' },
  // npm start's own: the demo organisation's SaaS endpoint (scripts/lib/saas-endpoint.ts)
  saas: { env: 'SAAS_ENDPOINT_PORT', fixed: 8007, what: 'the demo organisation’s SaaS endpoint' },
} satisfies Record<string, PortSpec>;
export type PortName = keyof typeof STACK_PORTS;

const PORTS_OF: Record<Part, PortName[]> = {
  dynamodb: ['dynamodb'],
  cognito: ['cognito'],
  s3: ['s3'],
  mail: ['mail'],
  offline: Object.keys(OFFLINE_PORTS) as OfflinePort[],
  console: ['console'],
};

export interface StackUser {
  email: string;
  password: string;
  roles: RoleName | readonly RoleName[];
  /** Sign in once started and return an access token. */
  token?: boolean;
}

export interface ComposeOptions {
  parts: Part[];
  /**
   * 'fixed': each port from its variable (API_PORT, …) or its fixed number, every busy one named before anything
   * starts; 'free' (default): every port picked by the OS, so the stack runs beside any other. `port` pins some.
   */
  ports?: 'fixed' | 'free';
  port?: Partial<Record<PortName, number>>;
  /**
   * Kept state (DynamoDB Local's files, cognito-local's, S3 objects, the stream checkpoint). Without one, a
   * temporary folder and DynamoDB in memory, all removed by `stop()`.
   */
  dataDir?: string;
  tableName: string;
  /** More tables from the same definition (the tests' isolated tables). */
  extraTables?: string[];
  poolName: string;
  /** A pool an earlier run made: kept when it still answers. */
  previousPool?: PoolIds;
  bucket: string;
  users?: Record<string, StackUser>;
  /** Runs once the table and the users exist, before the functions start (demo data). */
  seed?: (stack: ComposedStack) => Promise<void>;
  /**
   * The functions' log level (POWERTOOLS_LOG_LEVEL, default WARN) and environment: the HTTP API runs every function
   * with `functionEnv` plus `offline.env` (e.g. a table of its own). `workFolder` holds the bundles: a stable one
   * is reused when no input changed (one stack at a time holds it; another falls back to a folder of its own).
   */
  logLevel?: string;
  offline?: { env?: Record<string, string>; workFolder?: string; startTimeoutMs?: number };
  /** 'reuse' (default): build web/dist unless built from the same inputs; 'never': serve web/dist as it is. */
  console?: { build?: 'reuse' | 'always' | 'never' };
  /** The children's own output on this terminal (default: none). */
  verbose?: boolean;
  /** Progress, one line at a time. */
  log?: (line: string) => void;
}

export interface ComposedStack {
  dataDir: string;
  ports: Partial<Record<PortName, number>>;
  dynamodb: { endpoint: string; tableName: string };
  cognito: { endpoint: string; region: string; userPoolId: string; clientId: string; issuer: string };
  s3: { endpoint: string; bucket: string };
  /** The SES emulator: the functions' SES endpoint, and its page listing every message sent. */
  mail: { endpoint: string; viewerUrl: string };
  apiUrl: string;
  /** The live console's WebSocket API (serverless-offline's; also its management endpoint over http). */
  websocketUrl: string;
  consoleUrl: string;
  users: Record<string, { id: string; email: string; token: string }>;
  /**
   * The local key that seals stored secrets (webhook signing secrets): 32 random bytes in the stack's directory,
   * made once and kept with its data, as KMS keeps its key deployed (lib/shared/secret-box.ts).
   */
  secretsKeyFile: string;
  /** What a function sees under this stack (for handlers called in-process, or `osls invoke local`). */
  functionEnv: Record<string, string>;
  /** Which builds were reused unchanged. */
  reused: { bundles?: boolean; console?: boolean };
  /** serverless-offline's process (to notice it exiting). */
  offline?: ChildProcess;
  /** Stops `part` and, after `downMs`, starts it again on its port with its state (chaos). */
  outage(part: 'dynamodb' | 'cognito' | 'mail', downMs: number): Promise<void>;
  /** Stops everything it started, waits for each to exit, removes what was temporary. Idempotent. */
  stop(): Promise<void>;
}

/** Waits for every one of `tasks` to settle (none left running behind a failure), then throws the first failure. */
const all = async (tasks: Array<Promise<unknown> | false>) => {
  const failed = (await Promise.allSettled(tasks)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
};

const url = (port: number) => `http://127.0.0.1:${port}`;

/** The ports the parts need: pinned, else fixed (variable or default), else free; busy fixed ones all named. */
const choosePorts = async (opts: ComposeOptions) => {
  const names = [...new Set(opts.parts.flatMap((part) => PORTS_OF[part]))];
  const ports: Partial<Record<PortName, number>> = {};
  const toPick: PortName[] = [];
  for (const name of names) {
    const spec: PortSpec = STACK_PORTS[name];
    const pinned = opts.port?.[name];
    if (pinned) ports[name] = pinned;
    else if (opts.ports === 'fixed') ports[name] = Number(process.env[spec.env] ?? spec.fixed);
    else toPick.push(name);
  }
  const checked = names.filter((name) => !toPick.includes(name));
  await requireFreePorts(checked.map((name) => ({ port: ports[name]!, spec: STACK_PORTS[name] })));
  const picked = await freePorts(toPick.length);
  toPick.forEach((name, i) => (ports[name] = picked[i]));
  return ports;
};

export const composeStack = async (opts: ComposeOptions): Promise<ComposedStack> => {
  const log = opts.log ?? (() => undefined);
  const has = (part: Part) => opts.parts.includes(part);
  const quiet = !opts.verbose;
  if (has('dynamodb')) requireJava();
  const ports = await choosePorts(opts);

  const temporary = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'market-stack-'));
  mkdirSync(dataDir, { recursive: true });
  const closers: Array<() => Promise<unknown>> = [];
  const children: { dynamodb?: ChildProcess; cognito?: ChildProcess } = {};
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // newest first: the console and the functions before what they call
      for (const close of closers.reverse()) await close().catch(() => undefined);
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    })());

  const secretsKeyFile = join(dataDir, 'secret-box.key');
  if (!existsSync(secretsKeyFile)) writeFileSync(secretsKeyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });

  const stack = {
    dataDir,
    secretsKeyFile,
    ports,
    users: {},
    reused: {},
    stop,
  } as unknown as ComposedStack;

  try {
    // the three servers at once: DynamoDB Local's JVM takes the longest
    const dynamoDir = opts.dataDir ? join(dataDir, 'dynamodb') : undefined;
    const startDynamoPart = async () => {
      children.dynamodb = await startDynamo(ports.dynamodb!, dynamoDir, quiet);
    };
    // the codes cognito-local "delivers" (it only prints them): shown on the log and mailed to the mail viewer
    const onCode = (delivered: DeliveredCode) => {
      log(`Code for ${delivered.destination} (${delivered.reason}): ${delivered.code}`);
      if (stack.mail) mailCode(stack.mail.endpoint, delivered).catch((err: Error) => log(`The code for ${delivered.destination} was not mailed: ${err.message}`));
    };
    const startCognitoPart = async () => {
      children.cognito = await startCognito(ports.cognito!, dataDir, quiet, onCode);
    };
    closers.push(async () => Promise.all([children.dynamodb, children.cognito].map((c) => c && stopChild(c))));
    // email: the SES emulator in this process (its messages in memory)
    let mail: Awaited<ReturnType<typeof startMail>> | undefined;
    const startMailPart = async () => {
      mail = await startMail(ports.mail!);
      stack.mail = { endpoint: mail.endpoint, viewerUrl: mail.viewerUrl };
    };
    closers.push(async () => mail?.close());
    await all([
      has('dynamodb') && startDynamoPart(),
      has('cognito') && startCognitoPart(),
      has('s3') &&
        (async () => {
          // attachments: s3rver in this process, the bucket with CORS for the console's origins
          const consoleOrigins = ports.console ? [url(ports.console), `http://localhost:${ports.console}`] : undefined;
          const s3 = await startS3(ports.s3!, join(dataDir, 's3'), opts.bucket, { reset: temporary, origins: consoleOrigins });
          closers.push(() => s3.close());
          stack.s3 = { endpoint: s3.endpoint, bucket: s3.bucket };
        })(),
      has('mail') && startMailPart(),
    ]);
    stack.outage = async (part, downMs) => {
      if (part === 'mail') {
        await mail?.close();
        await new Promise((r) => setTimeout(r, downMs));
        return startMailPart();
      }
      const child = children[part];
      if (child) await stopChild(child, 0);
      await new Promise((r) => setTimeout(r, downMs));
      await (part === 'dynamodb' ? startDynamoPart() : startCognitoPart());
    };

    if (has('dynamodb')) {
      const endpoint = url(ports.dynamodb!);
      const created = await ensureTable(endpoint, opts.tableName);
      for (const table of opts.extraTables ?? []) await ensureTable(endpoint, table);
      stack.dynamodb = { endpoint, tableName: opts.tableName };
      log(created ? `Created table ${opts.tableName}.` : `Table ${opts.tableName} kept from the last run.`);
    }
    if (has('cognito')) {
      const endpoint = url(ports.cognito!);
      const pool = await ensureUserPool(endpoint, opts.poolName, opts.previousPool);
      stack.cognito = { endpoint, region: REGION, userPoolId: pool.userPoolId, clientId: pool.clientId, issuer: `${endpoint}/${pool.userPoolId}` };
      for (const [name, user] of Object.entries(opts.users ?? {})) {
        let id = '';
        for (const role of [user.roles].flat()) id = await ensureUser(endpoint, pool.userPoolId, user.email, user.password, role);
        const token = user.token ? await signIn(endpoint, pool.clientId, user.email, user.password) : '';
        stack.users[name] = { id, email: user.email, token };
      }
    }

    stack.apiUrl = ports.api ? url(ports.api) : '';
    stack.websocketUrl = ports.websocket ? `ws://127.0.0.1:${ports.websocket}` : '';
    stack.consoleUrl = ports.console ? url(ports.console) : '';
    const logLevel = opts.logLevel ?? 'WARN';
    stack.functionEnv = {
      STAGE: 'local',
      AWS_REGION: REGION,
      TABLE_NAME: opts.tableName,
      ...(stack.dynamodb ? { DYNAMODB_ENDPOINT: stack.dynamodb.endpoint } : {}),
      ...(stack.cognito ? { AUTH_ISSUER: stack.cognito.issuer, AUTH_CLIENT_ID: stack.cognito.clientId } : {}),
      AUTH_ALLOW_HTTP_ISSUER: 'true',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      ...(stack.s3 ? { S3_ENDPOINT: stack.s3.endpoint, ATTACHMENTS_BUCKET: stack.s3.bucket } : {}),
      ...(stack.mail ? { SES_ENDPOINT: stack.mail.endpoint } : {}),
      SECRETS_KEY_FILE: secretsKeyFile,
      POWERTOOLS_LOG_LEVEL: logLevel,
    };

    if (opts.seed) await opts.seed(stack);

    // the functions and the console at once: bundling and `vite build` are the slow steps, each skipped when
    // its inputs did not change
    await all([
      has('offline') &&
        (async () => {
          let workFolder = opts.offline?.workFolder ?? `.esbuild/stack-${process.pid}`;
          let release = lockWorkFolder(workFolder);
          if (!release) {
            // another stack serves from it: bundle into a folder of our own
            workFolder = `${workFolder}-${process.pid}`;
            release = lockWorkFolder(workFolder) ?? (() => undefined);
          }
          const ownFolder = !opts.offline?.workFolder || workFolder !== opts.offline.workFolder;
          const removeOwn = () => ownFolder && rmSync(join(__dirname, '..', '..', workFolder), { recursive: true, force: true });
          // a folder of our own goes whatever ends this process
          if (ownFolder) process.once('exit', removeOwn);
          closers.push(async () => {
            if (stack.offline) await stopChild(stack.offline);
            removeOwn();
            release();
          });
          const stale = bundlesStale(workFolder, readFunctions().map((f) => f.handlerFile));
          stack.reused.bundles = !stale;
          log(stale ? `Bundling the functions into ${workFolder} (${stale})…` : `Functions: the bundles in ${workFolder} are reused (no input changed).`);
          stack.offline = await startOffline({
            env: {
              ...stack.functionEnv,
              ...(stack.consoleUrl ? { CONSOLE_ORIGIN: stack.consoleUrl } : {}),
              STREAM_CHECKPOINT_FILE: join(dataDir, 'stream-checkpoint.json'),
              ...opts.offline?.env,
            },
            ports: Object.fromEntries(Object.keys(OFFLINE_PORTS).map((name) => [name, ports[name as OfflinePort]])) as Record<OfflinePort, number>,
            workFolder,
            quiet,
            reuseBundles: !stale,
            startTimeoutMs: opts.offline?.startTimeoutMs,
          });
          if (stale && !ownFolder) {
            // the record only lets the next start reuse these bundles: failing to write it stops nothing
            try {
              recordBundles(workFolder);
            } catch (err) {
              log(`Could not record what the bundles in ${workFolder} were built from (${(err as Error).message}): the next start bundles again.`);
            }
          }
        })(),
      has('console') &&
        (async () => {
          const build = opts.console?.build ?? 'reuse';
          if (build === 'always') await buildConsoleApart(quiet);
          else if (build === 'reuse') {
            const built = await ensureConsoleBuilt(quiet);
            stack.reused.console = built.reused;
            log(built.reused ? 'Console: web/dist is reused (no input changed).' : `Console built (${built.reason}).`);
          } else if (!existsSync(join(__dirname, '..', '..', 'web', 'dist', 'index.html'))) {
            throw new Error('web/dist has no build: run `npm run build:console`.');
          }
          const server = await serveConsole({
            port: ports.console!,
            config: {
              apiUrl: stack.apiUrl,
              ...(stack.websocketUrl ? { websocketUrl: stack.websocketUrl } : {}),
              cognito: { region: REGION, userPoolId: stack.cognito?.userPoolId ?? '', clientId: stack.cognito?.clientId ?? '', endpoint: stack.cognito?.endpoint },
            },
            // uploads go straight to the attachments' storage
            connect: stack.s3 ? [stack.s3.endpoint] : [],
          });
          closers.push(() => server.close());
        })(),
    ]);
    return stack;
  } catch (err) {
    await stop();
    throw err;
  }
};
