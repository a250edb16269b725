import { defineMail } from '../template';

/** A notification (站内信) also sent by email: its title and body as stored, in both languages, and its page. */
export interface NotificationMailData {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** The console page of the order or product it is about. */
  url?: string;
}

export const notificationMail = defineMail<NotificationMailData>('notification', {
  'zh-CN': (d) => ({
    subject: d.title.zh,
    heading: d.title.zh,
    paragraphs: [d.body.zh],
    action: d.url ? { label: '在控制台查看', url: d.url } : undefined,
    footnote: '您在个人资料中选择了通过邮件接收此类通知；可随时在「个人资料」中更改。',
  }),
  'en-US': (d) => ({
    subject: d.title.en,
    heading: d.title.en,
    paragraphs: [d.body.en],
    action: d.url ? { label: 'View in the console', url: d.url } : undefined,
    footnote: 'You chose to receive this kind of notification by email; change it any time in your profile.',
  }),
});
