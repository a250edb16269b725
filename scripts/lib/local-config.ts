import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGION, type PoolIds } from './stack';

export const ROOT = join(__dirname, '..', '..');
/** The local stack's state (DynamoDB Local's data, cognito-local's, the stack file); LOCAL_DIR moves it. */
export const LOCAL_DIR = process.env.LOCAL_DIR ? resolve(process.env.LOCAL_DIR) : join(ROOT, '.local');
export const STACK_FILE = join(LOCAL_DIR, 'stack.json');

export const ports = {
  api: Number(process.env.API_PORT ?? 3000),
  lambda: Number(process.env.LAMBDA_PORT ?? 3002),
  dynamodb: Number(process.env.DYNAMODB_PORT ?? 8124),
  cognito: Number(process.env.COGNITO_PORT ?? 9229),
  s3: Number(process.env.S3_PORT ?? 4569),
};

/** The attachments bucket in the local S3 emulator. */
export const ATTACHMENTS_BUCKET = 'market-attachments';

export const TABLE_NAME = 'Market';
export const DEMO_PASSWORD = 'Market2026!';
export const DEMO_ACCOUNTS = [
  { email: 'provider@example.com', role: 'provider' },
  { email: 'buyer@example.com', role: 'buyer' },
  { email: 'operator@example.com', role: 'operator' },
] as const;

/** The contract of `.local/stack.json` (spec section 8). */
export interface StackFile {
  apiUrl: string;
  cognito: { endpoint: string; region: string; userPoolId: string; clientId: string };
  dynamodb: { endpoint: string; tableName: string };
  s3?: { endpoint: string; bucket: string };
}

export const readStackFile = (): StackFile | undefined =>
  existsSync(STACK_FILE) ? (JSON.parse(readFileSync(STACK_FILE, 'utf8')) as StackFile) : undefined;

export const writeStackFile = (pool: PoolIds) => {
  mkdirSync(LOCAL_DIR, { recursive: true });
  const stack: StackFile = {
    apiUrl: `http://127.0.0.1:${ports.api}`,
    cognito: { endpoint: `http://127.0.0.1:${ports.cognito}`, region: REGION, ...pool },
    dynamodb: { endpoint: `http://127.0.0.1:${ports.dynamodb}`, tableName: TABLE_NAME },
    s3: { endpoint: `http://127.0.0.1:${ports.s3}`, bucket: ATTACHMENTS_BUCKET },
  };
  writeFileSync(STACK_FILE, JSON.stringify(stack, null, 2) + '\n');
  return stack;
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
});
