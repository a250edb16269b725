import { MEMBER_ROLE_LABELS, type MemberRole } from '../../providers/roles';
import { defineMail } from '../template';

/** An invitation to join an organisation: the link carries the single-use token (stored nowhere else). */
export interface InvitationMailData {
  organisationName: string;
  role: MemberRole;
  /** `<consoleUrl>/invitations/<token>` */
  url: string;
  expiresAt: string;
}

const day = (iso: string) => iso.slice(0, 10);

export const invitationMail = defineMail<InvitationMailData>('invitation', {
  'zh-CN': (d) => ({
    subject: `邀请您加入「${d.organisationName}」`,
    heading: `「${d.organisationName}」邀请您成为服务商成员`,
    paragraphs: [
      `您的角色：${MEMBER_ROLE_LABELS[d.role].zh}。`,
      `请使用收到此邮件的邮箱对应的账号登录（没有账号请先注册）后接受邀请。链接仅可使用一次，${day(d.expiresAt)}（UTC）前有效。`,
    ],
    action: { label: '接受邀请', url: d.url },
    footnote: '如果您不认识该服务商，请忽略此邮件。',
  }),
  'en-US': (d) => ({
    subject: `Invitation to join “${d.organisationName}”`,
    heading: `“${d.organisationName}” invites you to join its team`,
    paragraphs: [
      `Your role: ${MEMBER_ROLE_LABELS[d.role].en}.`,
      `Sign in with the account of this email address (or register one first), then accept. The link works once and until ${day(d.expiresAt)} (UTC).`,
    ],
    action: { label: 'Accept the invitation', url: d.url },
    footnote: 'If you do not know this organisation, ignore this email.',
  }),
});
