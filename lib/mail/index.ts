/**
 * Email (spec 2.1): `sendMail({ to, locale, template, data })` sends one templated message through SES v2.
 * A template is one file under lib/mail/templates/ made with `defineMail` (both languages, HTML + text).
 */
export { sendMail, createMailer, MailUnavailableError, MAIL_RETRY_AFTER_SECONDS, type SendMailInput } from './send';
export { defineMail, layout, languageOf, MAIL_LOCALES, type MailLocale, type MailTemplate, type MailContent, type RenderedMail } from './template';
