import { z } from 'zod';

/**
 * A member's role in a provider organisation (spec 2.1). One role per person and organisation; the
 * administrator may do everything a member may.
 */
export const MEMBER_ROLES = ['admin', 'products', 'delivery', 'finance', 'support'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const memberRoleSchema = z.enum(MEMBER_ROLES);

/** How a role is named in each language (the console and the timeline: "张三 · 交付"). */
export const MEMBER_ROLE_LABELS: Record<MemberRole, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  products: { zh: '商品管理', en: 'Products' },
  delivery: { zh: '交付', en: 'Delivery' },
  finance: { zh: '财务', en: 'Finance' },
  support: { zh: '客服', en: 'Support' },
};

/**
 * What a member may do, as data: each ability and the member roles that hold it besides `admin` (who holds
 * every ability). Reading the organisation's products and orders is every member's and is not listed.
 * Routes name the roles through `memberRoles: rolesFor('…')`; order commands likewise in their registry.
 */
export const MEMBER_ABILITIES = {
  /** create, edit, submit, withdraw, delist, delete products */
  products: ['products'],
  /** upload redemption codes, see stock */
  codes: ['products'],
  /** start, complete, reject requirements, urge */
  deliver: ['delivery'],
  /** messages on orders */
  message: ['delivery', 'support'],
  /** attachments on orders */
  attach: ['delivery'],
  /** appeal an order */
  appeal: ['delivery'],
  /** reply to a rating */
  reviewReply: ['delivery', 'support'],
  /** dashboard, order export */
  finance: ['finance'],
  /** the SaaS call log and resending a call */
  saasCalls: ['delivery'],
  /** members, invitations, webhooks, SaaS settings: the administrator's alone */
  administer: [],
} as const satisfies Record<string, readonly Exclude<MemberRole, 'admin'>[]>;
export type MemberAbility = keyof typeof MEMBER_ABILITIES;

/** The member roles that may take an action of `ability` (admin first). */
export const rolesFor = (ability: MemberAbility): MemberRole[] => ['admin', ...MEMBER_ABILITIES[ability]];

/** Whether `role` may take an action open to `allowed` (the administrator always may). */
export const roleAllows = (role: MemberRole, allowed: readonly MemberRole[] | undefined): boolean =>
  allowed === undefined || role === 'admin' || allowed.includes(role);
