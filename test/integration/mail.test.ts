import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { problemDocument } from '../../lib/http/errors';
import { createMailer, defineMail, MailUnavailableError, sendMail } from '../../lib/mail';
import { notificationMail } from '../../lib/mail/templates/notification';
import { mailsTo, waitForMails } from '../support/mail';
import { newId } from '../../lib/shared/ids';

/** A port that refuses connections: bound, then closed. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const recipient = () => `mail-${newId().toLowerCase()}@test.example`;
const notice = { title: { zh: '订单已开始实施', en: 'Work has started' }, body: { zh: '服务商已开始实施订单。', en: 'The provider started the order.' }, url: 'https://console.example/orders/1' };

describe('sendMail through the stack’s SES emulator', () => {
  it('delivers one message with an HTML and a text part in the recipient’s language', async () => {
    // Prepare
    const zh = recipient();
    const en = recipient();
    // Act
    await sendMail({ to: zh, locale: 'zh-CN', template: notificationMail, data: notice });
    await sendMail({ to: en, locale: 'en-US', template: notificationMail, data: notice });
    // Assess
    const [toZh] = await waitForMails(zh);
    expect(toZh.subject).toBe('订单已开始实施');
    expect(toZh.body.html).toContain('<html lang="zh-CN">');
    expect(toZh.body.html).toContain('服务商已开始实施订单。');
    expect(toZh.body.html).toContain('href="https://console.example/orders/1"');
    expect(toZh.body.text).toContain('在控制台查看: https://console.example/orders/1');
    expect(toZh.from).toContain('no-reply@marketplace.example');
    const [toEn] = await waitForMails(en);
    expect(toEn.subject).toBe('Work has started');
    expect(toEn.body.text).toContain('The provider started the order.');
    expect(toEn.body.html).not.toContain('服务商');
  });

  it('escapes every value in the HTML part and makes no button of a non-http link', async () => {
    const to = recipient();
    const template = defineMail<{ name: string; url: string }>('escape-check', {
      'zh-CN': (d) => ({ subject: d.name, heading: d.name, paragraphs: [d.name], action: { label: 'x', url: d.url } }),
      'en-US': (d) => ({ subject: d.name, heading: d.name, paragraphs: [d.name], action: { label: 'x', url: d.url } }),
    });
    await sendMail({ to, locale: 'en-US', template, data: { name: '<script>alert(1)</script> & "q"', url: 'javascript:alert(1)' } });
    const [mail] = await waitForMails(to);
    expect(mail.body.html).not.toContain('<script>');
    expect(mail.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(mail.body.html).not.toContain('javascript:');
    expect(mail.body.text).toContain('<script>alert(1)</script>');
  });

  it('answers 503 with Retry-After (never 500) when the mail service does not answer, and sends nothing', async () => {
    const to = recipient();
    const down = createMailer({ endpoint: `http://127.0.0.1:${await closedPort()}`, region: 'us-east-1', from: 'no-reply@marketplace.example', timeoutMs: 1000 });
    const failure = await down.send({ to, locale: 'zh-CN', template: notificationMail, data: notice }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MailUnavailableError);
    const err = failure as MailUnavailableError;
    expect(err.status).toBe(503);
    expect(err.permanent).toBe(false);
    expect(Number(err.headers['retry-after'])).toBeGreaterThan(0);
    const doc = problemDocument(err, '/x', 'zh');
    expect(doc).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', detail: '邮件暂时无法发送，请稍后重试。' });
    expect(await mailsTo(to)).toEqual([]);
  });
});
