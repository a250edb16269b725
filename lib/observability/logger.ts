import { Logger } from '@aws-lambda-powertools/logger';

/** Keys whose values are credentials wherever they appear in a log line. */
const SECRET_KEYS = new Set(['authorization', 'cookie', 'token', 'accesstoken', 'idtoken', 'refreshtoken', 'password', 'secret']);
/** A JSON Web Token (three base64url parts, the first a JSON object) anywhere in a text. */
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/;

/** Redacts credentials by key and any token-shaped string, whatever object they were logged inside. */
export const redactSecrets = (key: string, value: unknown): unknown => {
  if (key !== '' && SECRET_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null && value !== '') return '[redacted]';
  if (typeof value === 'string' && JWT.test(value)) return '[redacted]';
  return value;
};

/**
 * The one structured logger of every function (HTTP, stream, jobs): JSON lines with the function's context.
 * Its level is never set here: it comes from `POWERTOOLS_LOG_LEVEL`, which serverless.yml sets per stage
 * (locally from the environment the stack was started with), so the level a stage asks for holds.
 */
export const logger = new Logger({ serviceName: 'marketplace', jsonReplacerFn: redactSecrets });
