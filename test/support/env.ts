import { inject } from 'vitest';

// Handlers read their configuration at module load: point it at the test stack before any import.
const stack = inject('stack');
Object.assign(process.env, {
  STAGE: 'test',
  TABLE_NAME: stack.tableName,
  DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
  AUTH_ISSUER: stack.issuer,
  AUTH_CLIENT_ID: stack.clientId,
  AUTH_ALLOW_HTTP_ISSUER: 'true',
  WEBHOOK_ALLOW_LOOPBACK: 'true',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT',
  AWS_REGION: 'us-east-1',
  // the suite creates far faster than any person; the rate-limit tests set their own limits
  RATE_ORDERS: process.env.RATE_ORDERS ?? '100000',
  RATE_PRODUCTS: process.env.RATE_PRODUCTS ?? '100000',
  RATE_MESSAGES: process.env.RATE_MESSAGES ?? '100000',
  RATE_UPLOADS: process.env.RATE_UPLOADS ?? '100000',
  RATE_WEBHOOK_SENDS: process.env.RATE_WEBHOOK_SENDS ?? '100000',
  RATE_INVITATIONS: process.env.RATE_INVITATIONS ?? '100000',
  S3_ENDPOINT: stack.s3.endpoint,
  ATTACHMENTS_BUCKET: stack.s3.bucket,
  SECRETS_KEY_FILE: stack.secretsKeyFile,
  SES_ENDPOINT: stack.mail.endpoint,
  POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
});
