import type { MemberRole } from '../api/types';
import { useSession } from './session';

/**
 * What each member role may do in the console (spec 2.1's table): the console hides what the role may not
 * do; the API refuses it anyway (403 MEMBER_ROLE_FORBIDDEN). Reading products and orders is every member's.
 */
export const MEMBER_MAY = {
  /** 商品接入, 修改, 提交审核, 撤销审核, 下架, 删除, 兑换码 */
  products: ['admin', 'products'],
  /** 开始实施, 实施完成, 驳回需求, 催促 */
  delivery: ['admin', 'delivery'],
  /** messages and attachments on orders */
  messages: ['admin', 'delivery', 'support'],
  /** 数据概览, order export */
  finance: ['admin', 'finance'],
  /** 成员管理's changes, invitations, webhook, SaaS settings */
  admin: ['admin'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type MemberAbility = keyof typeof MEMBER_MAY;

export const memberMay = (role: MemberRole | undefined, ability: MemberAbility) =>
  role !== undefined && (MEMBER_MAY[ability] as readonly MemberRole[]).includes(role);

/** The person's role in the organisation they act for. */
export const useMemberRole = (): MemberRole | undefined => {
  const { session } = useSession();
  return session?.organisation?.role;
};

/** Whether the person, in the organisation they act for, may do this. */
export const useMemberMay = (ability: MemberAbility) => memberMay(useMemberRole(), ability);
