import { config } from '../config';
import { DomainError, ServiceUnavailableError } from '../http/errors';
import { msg } from '../i18n';
import { logger } from '../observability/logger';
import { SesFailure, sesSend } from './ses';
import type { MailLocale, MailTemplate } from './template';

/**
 * Sending email through Amazon SES (API v2 SendEmail, lib/mail/ses.ts); locally the SES emulator of the stack (SES_ENDPOINT).
 * A mail service that fails or does not answer is not the caller's fault: `sendMail` throws
 * ServiceUnavailableError (503 with Retry-After), never a 500, and an event consumer lets the bus retry.
 */

export interface SendMailInput<D> {
  to: string;
  locale: MailLocale;
  template: MailTemplate<D>;
  data: D;
}

export interface MailerOptions {
  /** The SES endpoint (the local emulator); absent deployed (the regional endpoint). */
  endpoint?: string;
  region: string;
  from: string;
  /** How long one attempt may take (SES answers in well under a second). */
  timeoutMs: number;
}

/** Seconds a caller is told to wait after a failed send. */
export const MAIL_RETRY_AFTER_SECONDS = 5;

/** SES answers that no retry changes (the address or the message refused): a consumer gives up on them. */
const PERMANENT = new Set(['MessageRejected', 'BadRequestException', 'NotFoundException']);

/** The 503 a failed send becomes; `permanent` when SES refused the message itself rather than failing. */
export class MailUnavailableError extends ServiceUnavailableError {
  readonly permanent: boolean;
  constructor(readonly reason: string) {
    super(msg('detail.mailUnavailable'), MAIL_RETRY_AFTER_SECONDS);
    this.permanent = PERMANENT.has(reason);
  }
}

export const createMailer = (opts: MailerOptions) => ({
  /** One message to one person, in their language, as HTML with a text part; answers SES's message id. */
  send: async <D>(input: SendMailInput<D>): Promise<{ messageId: string }> => {
    const mail = input.template.render(input.locale, input.data);
    try {
      return { messageId: await sesSend(opts, input.to, mail, { template: input.template.name.replace(/[^A-Za-z0-9_-]/g, '_') }) };
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const reason = err instanceof SesFailure ? err.reason : (err as Error)?.name || 'Error';
      // never the address or the body in the log: the template and the failure suffice
      logger.warn('mail not sent', { template: input.template.name, reason, status: (err as SesFailure)?.status });
      throw new MailUnavailableError(reason);
    }
  },
});

let mailer: ReturnType<typeof createMailer> | undefined;

/** Sends one templated message through the configured SES (see createMailer). */
export const sendMail = <D>(input: SendMailInput<D>) =>
  (mailer ??= createMailer({ endpoint: config.mail.sesEndpoint, region: config.region, from: config.mail.from, timeoutMs: config.mail.timeoutMs })).send(input);
