/**
 * Email templates (spec 2.1 Email): each is one file under lib/mail/templates/ made with `defineMail`, giving per
 * language a subject and the message as plain parts (paragraphs, an optional button). The layout turns those
 * parts into the HTML and the text of one message, escaping every value, so no template writes markup.
 */

/** The languages a person may choose (their profile's `locale`). */
export const MAIL_LOCALES = ['zh-CN', 'en-US'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

/** What one message says, before layout. */
export interface MailContent {
  subject: string;
  /** The first line of the body (a greeting or a title). */
  heading: string;
  paragraphs: string[];
  /** A link shown as a button in HTML and as its address in the text part. */
  action?: { label: string; url: string };
  /** A short closing note in small print (why the person gets this mail). */
  footnote?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailTemplate<D> {
  name: string;
  render: (locale: MailLocale, data: D) => RenderedMail;
}

const SIGNATURE: Record<MailLocale, string> = { 'zh-CN': '服务市场', 'en-US': 'Service Marketplace' };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Only http(s) links become buttons: a template's data never injects another scheme. */
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : '');

/** The HTML and text parts of one message, in its language. */
export const layout = (locale: MailLocale, c: MailContent): RenderedMail => {
  const url = c.action ? safeUrl(c.action.url) : '';
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(c.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f3f3;font-family:-apple-system,BlinkMacSystemFont,\'PingFang SC\',\'Microsoft YaHei\',Arial,sans-serif;color:#181818">',
    '<div style="max-width:560px;margin:0 auto;padding:24px 16px">',
    '<div style="background:#ffffff;border-radius:6px;padding:24px">',
    `<p style="font-size:16px;font-weight:600;margin:0 0 16px">${escapeHtml(c.heading)}</p>`,
    ...c.paragraphs.map((p) => `<p style="font-size:14px;line-height:22px;margin:0 0 12px;white-space:pre-line">${escapeHtml(p)}</p>`),
    ...(c.action && url
      ? [
          `<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#0052d9;color:#ffffff;text-decoration:none;padding:10px 20px;border-radius:3px;font-size:14px">${escapeHtml(c.action.label)}</a></p>`,
          `<p style="font-size:12px;color:#666666;word-break:break-all;margin:0 0 12px">${escapeHtml(url)}</p>`,
        ]
      : []),
    '</div>',
    ...(c.footnote ? [`<p style="font-size:12px;color:#8b8b8b;margin:12px 4px">${escapeHtml(c.footnote)}</p>`] : []),
    `<p style="font-size:12px;color:#8b8b8b;margin:4px">${escapeHtml(SIGNATURE[locale])}</p>`,
    '</div></body></html>',
  ].join('\n');
  const text = [
    c.heading,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.action && url ? [`${c.action.label}: ${url}`, ''] : []),
    ...(c.footnote ? [c.footnote, ''] : []),
    `-- ${SIGNATURE[locale]}`,
  ].join('\n');
  return { subject: c.subject, html, text };
};

/** A template in both languages; `texts[locale](data)` says what the message says. */
export const defineMail = <D>(name: string, texts: Record<MailLocale, (data: D) => MailContent>): MailTemplate<D> => ({
  name,
  render: (locale, data) => layout(locale, texts[locale](data)),
});

/** A profile's locale as the API's message catalogues name it. */
export const languageOf = (locale: MailLocale) => (locale === 'en-US' ? 'en' : 'zh') as 'zh' | 'en';
