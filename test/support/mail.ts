import { inject } from 'vitest';

/** One message as the SES emulator keeps it (`GET /store`). */
export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Epoch seconds. */
  at: number;
}

const endpointOf = (endpoint?: string) => endpoint ?? inject('stack').mail.endpoint;

/** Every message the stack's SES emulator received for `to` (case-insensitive), oldest first. */
export const mailsTo = async (to: string, endpoint?: string): Promise<StoredMail[]> => {
  const res = await fetch(`${endpointOf(endpoint)}/store`);
  if (!res.ok) throw new Error(`the SES emulator answered ${res.status}`);
  const { emails } = (await res.json()) as { emails: StoredMail[] };
  const wanted = to.toLowerCase();
  return emails.filter((m) => m.destination.to.some((address) => address.toLowerCase() === wanted));
};

/** Waits until `to` has received at least `count` messages (a consumer sends after the event); answers them. */
export const waitForMails = async (to: string, count = 1, opts: { timeoutMs?: number; endpoint?: string } = {}) => {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const mails = await mailsTo(to, opts.endpoint);
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((r) => setTimeout(r, 100));
  }
};
