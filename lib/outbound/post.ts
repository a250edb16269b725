import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { msg } from '../i18n';
import { UnsafeUrlError, guardedLookup, isAllowedAddress } from './address';

/**
 * The one way the platform calls a provider's system (its webhook, its SaaS endpoint): an HTTP POST of a JSON
 * body to an allowed address only (checked again at connect time, so a name re-pointed at the platform's
 * network is refused), within one deadline for the whole exchange, never following a redirect (a 3xx is an
 * answer like any other), reading at most a capped number of bytes of the answer.
 */
export interface PostOptions {
  headers?: Record<string, string>;
  /** The whole exchange (connect, send, answer) must be over by then. */
  timeoutMs: number;
  /** Loopback allowed: the local stage only (config.webhookAllowLoopback). */
  allowLoopback: boolean;
  /** At most this many bytes of the answer are read; the rest is dropped and `truncated` set. */
  maxAnswerBytes?: number;
}

export interface PostResult {
  /** The HTTP status, when the endpoint answered. */
  statusCode?: number;
  /** The answer's body (UTF-8, at most `maxAnswerBytes`), when it answered. */
  answer?: string;
  truncated?: boolean;
  /** Why no complete answer came (refused address, connection error, timeout). */
  error?: string;
  /** From the request's start to its outcome. */
  latencyMs: number;
}

export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

/** POSTs `body` (JSON) to `url` under the outbound policy; never throws, the outcome says what happened. */
export const postJson = (url: string, body: string, options: PostOptions): Promise<PostResult> => {
  const started = Date.now();
  const cap = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (r: Omit<PostResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...r, latencyMs: Date.now() - started });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish({ error: 'not a URL' });
    }
    // an address literal is never looked up, so the lookup's guard cannot see it: check it here
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !isAllowedAddress(host, options.allowLoopback)) {
      return finish({ error: new UnsafeUrlError(msg('field.disallowedAddress', { host })).message });
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (!send) return finish({ error: `unsupported protocol ${target.protocol}` });
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString() },
        lookup: guardedLookup(options.allowLoopback),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = () => Buffer.concat(chunks).toString('utf8');
        res.on('data', (chunk: Buffer) => {
          if (size >= cap) return;
          chunks.push(chunk.subarray(0, cap - size));
          size += Math.min(chunk.length, cap - size);
          if (size >= cap) {
            finish({ statusCode: res.statusCode, answer: answer(), truncated: true });
            res.destroy();
          }
        });
        res.on('end', () => finish({ statusCode: res.statusCode, answer: answer() }));
        res.on('error', (e) => finish({ statusCode: res.statusCode, answer: answer(), error: e.message }));
        res.on('close', () => finish({ statusCode: res.statusCode, answer: answer(), error: res.complete ? undefined : 'the answer was cut off' }));
      },
    );
    deadline = setTimeout(() => {
      finish({ error: `no answer within ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (e) => finish({ error: e.message }));
    req.end(body);
  });
};

/** Whether an outcome is an HTTP 2xx answer. */
export const isSuccess = (r: PostResult) => r.statusCode !== undefined && r.statusCode >= 200 && r.statusCode < 300 && !r.error;
