import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** The local stack's state (DynamoDB Local's data, cognito-local's, S3 objects, the stack file); LOCAL_DIR moves it. */
export const LOCAL_DIR = process.env.LOCAL_DIR ? resolve(process.env.LOCAL_DIR) : join(ROOT, '.local');
export const STACK_FILE = join(LOCAL_DIR, 'stack.json');
/**
 * Where a running `npm start` says its state is: scripts in another terminal (`npm run token`, `user:add`,
 * `invoke`, `load`) find a stack started with LOCAL_DIR without being given it. Removed when that stack stops.
 */
export const STACK_POINTER = join(ROOT, '.local-stack');

/** A path as the person running the stack should read it: relative to the project when inside it. */
export const shown = (path: string) => {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

/** The attachments bucket in the local S3 emulator. */
export const ATTACHMENTS_BUCKET = 'market-attachments';

export const TABLE_NAME = 'Market';
export const DEMO_PASSWORD = 'Market2026!';
/**
 * The demo accounts (`key`: how the seed names each). Being a provider is a membership in the table: the seed
 * makes provider@example.com the administrator of 云栖运维服务有限公司, delivery@ and products@ its members
 * (交付, 商品管理), and admin@example.net the administrator of a second organisation; applicant@example.com
 * has the pending 服务商入驻 application (scripts/lib/seed-applications.ts).
 */
export const DEMO_ACCOUNTS = [
  { key: 'provider', email: 'provider@example.com', role: 'provider' },
  { key: 'buyer', email: 'buyer@example.com', role: 'buyer' },
  { key: 'operator', email: 'operator@example.com', role: 'operator' },
  { key: 'delivery', email: 'delivery@example.com', role: 'buyer' },
  { key: 'products', email: 'products@example.com', role: 'buyer' },
  { key: 'provider2', email: 'admin@example.net', role: 'buyer' },
  { key: 'applicant', email: 'applicant@example.com', role: 'buyer' },
] as const;
export type DemoKey = (typeof DEMO_ACCOUNTS)[number]['key'];

/** The contract of `.local/stack.json` (spec section 8). */
export interface StackFile {
  apiUrl: string;
  cognito: { endpoint: string; region: string; userPoolId: string; clientId: string };
  dynamodb: { endpoint: string; tableName: string };
  s3?: { endpoint: string; bucket: string };
  /** The SES emulator: its endpoint and the page listing every message sent (spec 2.1 Email). */
  mail?: { endpoint: string; viewerUrl: string };
  consoleUrl?: string;
  /** The live console's WebSocket API (spec 5.1). */
  websocketUrl?: string;
  /** The local key that seals stored secrets (kept with the stack's data). */
  secretsKeyFile?: string;
}

/** The stack file a script should read: LOCAL_DIR's when set, else the running stack's (the pointer), else .local's. */
export const findStackFile = () => {
  if (process.env.LOCAL_DIR || !existsSync(STACK_POINTER)) return STACK_FILE;
  const pointed = join(readFileSync(STACK_POINTER, 'utf8').trim(), 'stack.json');
  return existsSync(pointed) ? pointed : STACK_FILE;
};

/** Why no stack file was found, in one line. */
export const noStackFile = (file = findStackFile()) => `No ${shown(file)}: run \`npm start\` first (with the same LOCAL_DIR, if it was set).`;

export const readStackFile = (file = findStackFile()): StackFile | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackFile) : undefined;

export const writeStackFile = (stack: StackFile) => {
  writeFileSync(STACK_FILE, JSON.stringify(stack, null, 2) + '\n');
  writeFileSync(STACK_POINTER, `${LOCAL_DIR}\n`);
};

/** The pointer goes with the stack that wrote it (another `npm start` may have replaced it meanwhile). */
export const removeStackPointer = () => {
  if (existsSync(STACK_POINTER) && readFileSync(STACK_POINTER, 'utf8').trim() === LOCAL_DIR) rmSync(STACK_POINTER, { force: true });
};

/** The environment the functions see under the local stage. */
export const functionEnv = (stack: StackFile) => ({
  STAGE: 'local',
  TABLE_NAME: stack.dynamodb.tableName,
  DYNAMODB_ENDPOINT: stack.dynamodb.endpoint,
  AUTH_ISSUER: `${stack.cognito.endpoint}/${stack.cognito.userPoolId}`,
  AUTH_CLIENT_ID: stack.cognito.clientId,
  AUTH_ALLOW_HTTP_ISSUER: 'true',
  WEBHOOK_ALLOW_LOOPBACK: 'true',
  AWS_REGION: stack.cognito.region,
  ...(stack.s3 ? { S3_ENDPOINT: stack.s3.endpoint, ATTACHMENTS_BUCKET: stack.s3.bucket } : {}),
  ...(stack.secretsKeyFile ? { SECRETS_KEY_FILE: stack.secretsKeyFile } : {}),
  ...(stack.mail ? { SES_ENDPOINT: stack.mail.endpoint } : {}),
});
