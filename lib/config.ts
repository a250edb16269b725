import { z } from 'zod';

const days = (d: number) => d * 24 * 60 * 60 * 1000;
const duration = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const schema = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(3),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
  AUTH_ISSUER: z.string().url(),
  AUTH_CLIENT_ID: z.string().min(1),
  AUTH_JWKS_URI: z.string().url().optional(),
  /** Only the local stage sets this: cognito-local serves its issuer over plain HTTP. */
  AUTH_ALLOW_HTTP_ISSUER: z.enum(['true', 'false']).default('false'),
  /** How long one fetch of the issuer's key set may take, and how long after a failed one to answer 503 at once. */
  AUTH_JWKS_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  AUTH_JWKS_RETRY_AFTER_MS: z.coerce.number().int().positive().default(2000),
  /** Periods of the order rules (milliseconds), after the platform's published defaults. */
  URGE_INTERVAL_MS: duration(days(1)),
  APPEAL_STALL_MS: duration(days(5)),
  APPEAL_REJECTIONS: z.coerce.number().int().positive().default(3),
  AUTO_CONFIRM_MS: duration(days(15)),
  AUTO_CANCEL_MS: duration(days(15)),
  PROVIDER_REMINDER_MS: duration(days(2)),
  BUYER_REMINDERS_MS: z.string().default(`${days(1)},${days(7)}`),
  BUYER_FINAL_REMINDER_BEFORE_MS: duration(days(1)),
  /** SaaS orders (spec 3.1): the refund period, destruction after expiry, giving up provisioning. */
  SAAS_REFUND_MS: duration(days(5)),
  SAAS_DESTROY_AFTER_MS: duration(days(7)),
  SAAS_GIVE_UP_MS: duration(days(1)),
  WEBHOOK_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.string().default('INFO'),
  /** Per-user limits on creation and messaging: actions per window (seconds). */
  RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  RATE_ORDERS: z.coerce.number().int().positive().default(20),
  RATE_PRODUCTS: z.coerce.number().int().positive().default(20),
  RATE_MESSAGES: z.coerce.number().int().positive().default(30),
  /** Upload grants (POST /orders/{id}/attachments) per user and window. */
  RATE_UPLOADS: z.coerce.number().int().positive().default(30),
  /** Signed POSTs a provider asks for (test pings and redeliveries together), per window. */
  RATE_WEBHOOK_SENDS: z.coerce.number().int().positive().default(10),
  /** Invitations an administrator sends (each one an email), per window. */
  RATE_INVITATIONS: z.coerce.number().int().positive().default(10),
  /** Attachments (spec 4.1): the private bucket, and locally the S3 emulator's endpoint. */
  ATTACHMENTS_BUCKET: z.string().min(3).default('market-attachments'),
  S3_ENDPOINT: z.string().url().optional(),
  /** What seals stored secrets (lib/shared/secret-box.ts): a KMS key deployed, a local key file otherwise. */
  SECRETS_KMS_KEY: z.string().min(1).optional(),
  SECRETS_KEY_FILE: z.string().min(1).optional(),
  /** The console's origin, whose static files include the API reference page's renderer. */
  CONSOLE_URL: z.string().url().default('http://127.0.0.1:5173'),
  // ---- Email (lib/mail): SES v2; locally the stack's SES emulator
  SES_ENDPOINT: z.string().url().optional(),
  MAIL_FROM: z.string().email().default('no-reply@marketplace.example'),
  MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
});

export type Config = ReturnType<typeof loadConfig>;

/** Reads the environment once; a missing or malformed variable fails the function at start. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env) => {
  // An empty variable is an unset one (serverless.yml sets DYNAMODB_ENDPOINT to '' on deployed stages).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const c = parsed.data;
  if (c.AUTH_ISSUER.startsWith('http://') && c.AUTH_ALLOW_HTTP_ISSUER !== 'true') {
    throw new Error('Invalid configuration: AUTH_ISSUER must be https outside the local stage');
  }
  return {
    stage: c.STAGE,
    tableName: c.TABLE_NAME,
    dynamodbEndpoint: c.DYNAMODB_ENDPOINT,
    region: c.AWS_REGION,
    auth: {
      issuer: c.AUTH_ISSUER,
      clientId: c.AUTH_CLIENT_ID,
      jwksUri: c.AUTH_JWKS_URI ?? `${c.AUTH_ISSUER}/.well-known/jwks.json`,
      jwksTimeoutMs: c.AUTH_JWKS_TIMEOUT_MS,
      jwksRetryAfterMs: c.AUTH_JWKS_RETRY_AFTER_MS,
    },
    orders: {
      urgeIntervalMs: c.URGE_INTERVAL_MS,
      appealStallMs: c.APPEAL_STALL_MS,
      appealRejections: c.APPEAL_REJECTIONS,
      autoConfirmMs: c.AUTO_CONFIRM_MS,
      autoCancelMs: c.AUTO_CANCEL_MS,
      providerReminderMs: c.PROVIDER_REMINDER_MS,
      buyerRemindersMs: c.BUYER_REMINDERS_MS.split(',').map(Number).filter((n) => n > 0),
      buyerFinalReminderBeforeMs: c.BUYER_FINAL_REMINDER_BEFORE_MS,
      saasRefundMs: c.SAAS_REFUND_MS,
      saasDestroyAfterMs: c.SAAS_DESTROY_AFTER_MS,
      saasGiveUpMs: c.SAAS_GIVE_UP_MS,
    },
    webhookAllowLoopback: c.WEBHOOK_ALLOW_LOOPBACK === 'true',
    rateLimits: {
      orders: { name: 'orders' as const, limit: c.RATE_ORDERS, windowSeconds: c.RATE_WINDOW_SECONDS },
      products: { name: 'products' as const, limit: c.RATE_PRODUCTS, windowSeconds: c.RATE_WINDOW_SECONDS },
      messages: { name: 'messages' as const, limit: c.RATE_MESSAGES, windowSeconds: c.RATE_WINDOW_SECONDS },
      uploads: { name: 'uploads' as const, limit: c.RATE_UPLOADS, windowSeconds: c.RATE_WINDOW_SECONDS },
      webhookSends: { name: 'webhook-sends' as const, limit: c.RATE_WEBHOOK_SENDS, windowSeconds: c.RATE_WINDOW_SECONDS },
      invitations: { name: 'invitations' as const, limit: c.RATE_INVITATIONS, windowSeconds: c.RATE_WINDOW_SECONDS },
    },
    attachments: { bucket: c.ATTACHMENTS_BUCKET, s3Endpoint: c.S3_ENDPOINT },
    consoleUrl: new URL(c.CONSOLE_URL).origin,
    secrets: { kmsKey: c.SECRETS_KMS_KEY, keyFile: c.SECRETS_KEY_FILE },
    mail: { sesEndpoint: c.SES_ENDPOINT, from: c.MAIL_FROM, timeoutMs: c.MAIL_TIMEOUT_MS },
  };
};

export const config = loadConfig();
