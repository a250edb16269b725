import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The SaaS 接入 protocol (spec 3.1), as a provider's endpoint sees it: an HTTP POST of a JSON body `{ action, … }`
 * with the query `signature`, `timestamp` (Unix seconds) and `eventId`, where `signature` is the lowercase hex
 * SHA-256 of token, timestamp and eventId sorted in dictionary order and concatenated. Pure: no I/O here.
 */

export const SAAS_ACTIONS = ['verifyInterface', 'createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'] as const;
export type SaasAction = (typeof SAAS_ACTIONS)[number];

/** The actions 接口调试 sends; a SaaS product is submitted only after these four passed (spec 3.1). */
export const DEBUG_ACTIONS = ['createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'] as const;
export const REQUIRED_FOR_SUBMIT = ['createInstance', 'renewInstance', 'expireInstance', 'destroyInstance'] as const satisfies readonly SaasAction[];

/** The signature of a call: sha256 hex of [token, timestamp, eventId] sorted (code-unit order) and concatenated. */
export const signatureOf = (token: string, timestamp: string, eventId: string) =>
  createHash('sha256').update([token, timestamp, eventId].sort().join(''), 'utf8').digest('hex');

/** The query string of a call, signed at `at` (its Unix seconds are the timestamp). */
export const signedQuery = (token: string, eventId: string, at: Date) => {
  const timestamp = Math.floor(at.getTime() / 1000).toString();
  return new URLSearchParams({ signature: signatureOf(token, timestamp, eventId), timestamp, eventId });
};

/** The URL of a call: the endpoint's URL with the signed query added to whatever query it has. */
export const signedUrl = (endpoint: string, token: string, eventId: string, at: Date) => {
  const url = new URL(endpoint);
  for (const [k, v] of signedQuery(token, eventId, at)) url.searchParams.set(k, v);
  return url.toString();
};

// ---- The actions' bodies (what the platform sends), one schema each: they document the protocol and type the senders.

const timeUnit = z.enum(['times', 'day', 'month', 'year']);

export const saasBodies = {
  verifyInterface: z.object({ action: z.literal('verifyInterface'), echoback: z.string() }),
  createInstance: z.object({
    action: z.literal('createInstance'),
    orderId: z.string(),
    /** The buyer. */
    accountId: z.string(),
    openId: z.string(),
    productId: z.string(),
    resourceId: z.string(),
    productInfo: z.object({ productName: z.string(), isTrial: z.boolean(), spec: z.string(), timeSpan: z.number(), timeUnit }),
    /** The answers of the product's requirements form. */
    userCollectionInfo: z.record(z.string(), z.unknown()),
  }),
  renewInstance: z.object({ action: z.literal('renewInstance'), orderId: z.string(), signId: z.string(), instanceExpireTime: z.string() }),
  modifyInstance: z.object({
    action: z.literal('modifyInstance'),
    orderId: z.string(),
    signId: z.string(),
    spec: z.string(),
    timeSpan: z.number(),
    timeUnit,
    instanceExpireTime: z.string(),
  }),
  expireInstance: z.object({ action: z.literal('expireInstance'), orderId: z.string(), signId: z.string() }),
  destroyInstance: z.object({ action: z.literal('destroyInstance'), orderId: z.string(), signId: z.string() }),
} satisfies Record<SaasAction, z.ZodType>;

export type SaasBody<A extends SaasAction> = z.infer<(typeof saasBodies)[A]>;
/** A call's body without its `action` (callSaas adds it). */
export type SaasFields<A extends SaasAction> = Omit<SaasBody<A>, 'action'>;

/** What `createInstance` answers: `signId` `"0"` means "provisioning asynchronously, ask again". */
export const createInstanceAnswer = z.object({
  signId: z.union([z.string().min(1), z.number().transform(String)]),
  appInfo: z.object({ website: z.string().optional(), authUrl: z.string().optional() }).partial().optional(),
  additionalInfo: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});
export type CreateInstanceAnswer = z.infer<typeof createInstanceAnswer>;

/** The signId that means "not yet: call again later". */
export const PENDING_SIGN_ID = '0';

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export interface Verdict {
  ok: boolean;
  /** Why not, in English (for the log and the debug answer); the console shows it as it is. */
  reason?: string;
  /** createInstance's answer, parsed, when it passed. */
  created?: CreateInstanceAnswer;
}

/**
 * Whether an endpoint's answer to an action passes: HTTP 2xx with a JSON object; verifyInterface echoes the
 * `echoback` sent; createInstance answers a `signId`; the others must not answer `success: false`.
 */
export const verdictOf = (action: SaasAction, sent: { echoback?: string }, statusCode: number | undefined, answer: string | undefined): Verdict => {
  if (statusCode === undefined) return { ok: false, reason: 'no answer' };
  if (statusCode < 200 || statusCode >= 300) return { ok: false, reason: `HTTP ${statusCode}` };
  const json = parseJson(answer);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'the answer is not a JSON object' };
  const o = json as Record<string, unknown>;
  if (action === 'verifyInterface') {
    return o.echoback === sent.echoback ? { ok: true } : { ok: false, reason: 'the answer does not echo `echoback`' };
  }
  if (action === 'createInstance') {
    const created = createInstanceAnswer.safeParse(o);
    return created.success ? { ok: true, created: created.data } : { ok: false, reason: 'the answer has no `signId`' };
  }
  if (o.success === false || o.success === 'false') return { ok: false, reason: 'the answer says `success: false`' };
  return { ok: true };
};
