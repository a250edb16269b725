import { AwsClient } from 'aws4fetch';
import type { RenderedMail } from './template';

/**
 * SES API v2 `SendEmail` (POST /v2/email/outbound-emails), signed with aws4fetch: the AWS SDK's SES client would
 * add about 80 KB to every function that mails, past the bundle limit (as for S3, lib/attachments/storage.ts).
 * Locally the endpoint is the stack's SES emulator, which accepts any signature.
 */
export interface SesTarget {
  /** The SES emulator; absent deployed (the regional endpoint). */
  endpoint?: string;
  region: string;
  from: string;
  timeoutMs: number;
}

/** A send SES did not accept: `reason` is SES's error type (`MessageRejected`, `ThrottlingException`, …). */
export class SesFailure extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`SES did not send: ${reason}${status ? ` (${status})` : ''}`);
  }
}

const signer = (local: boolean, region: string) =>
  new AwsClient({
    accessKeyId: local ? 'local' : (process.env.AWS_ACCESS_KEY_ID ?? ''),
    secretAccessKey: local ? 'local' : (process.env.AWS_SECRET_ACCESS_KEY ?? ''),
    sessionToken: local ? undefined : process.env.AWS_SESSION_TOKEN,
    service: 'ses',
    region,
    // one retry of a throttled or failed attempt; the caller (an event's retries, a person) does the rest
    retries: 1,
  });

/** SES's error type, from its header or body (`MessageRejected:http://…` → `MessageRejected`). */
const reasonOf = (res: Response, body: { __type?: string; code?: string } | undefined) =>
  (res.headers.get('x-amzn-errortype') ?? body?.__type ?? body?.code ?? `HTTP${res.status}`).split(':')[0].split('#').pop() || `HTTP${res.status}`;

/** Sends one message (HTML with a text part, UTF-8) to one address; answers SES's message id. */
export const sesSend = async (target: SesTarget, to: string, mail: RenderedMail, tags: Record<string, string> = {}): Promise<string> => {
  const url = `${target.endpoint ?? `https://email.${target.region}.amazonaws.com`}/v2/email/outbound-emails`;
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  const body = {
    FromEmailAddress: target.from,
    Destination: { ToAddresses: [to] },
    Content: { Simple: { Subject: utf8(mail.subject), Body: { Html: utf8(mail.html), Text: utf8(mail.text) } } },
    ...(Object.keys(tags).length ? { EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
  };
  let res: Response;
  try {
    res = await signer(target.endpoint !== undefined, target.region).fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (err) {
    throw new SesFailure((err as Error)?.name === 'TimeoutError' ? 'Timeout' : 'Unreachable');
  }
  const answer = (await res.json().catch(() => undefined)) as { MessageId?: string; __type?: string; code?: string } | undefined;
  if (!res.ok) throw new SesFailure(reasonOf(res, answer), res.status);
  return answer?.MessageId ?? '';
};
