import { lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';
import {
  BuildingIcon,
  CartIcon,
  CertificateIcon,
  ChartBarIcon,
  ChatBubbleErrorIcon,
  CheckRectangleIcon,
  InstitutionCheckedIcon,
  LinkIcon,
  CloudIcon,
  HistoryIcon,
  NotificationIcon,
  SearchIcon,
  ShopIcon,
  StoreIcon,
  UsergroupIcon,
  UserSettingIcon,
  ViewListIcon,
} from 'tdesign-icons-react';
import type { MessageKey } from '../i18n';
import type { MemberRole } from '../api/types';
import type { Role } from './auth';
import { memberMay, type MemberAbility } from './member-roles';

/** A page of the console: navigation is this data, filtered by the signed-in user's roles. */
export interface AppRoute {
  path: string;
  roles: Role[];
  Page: LazyExoticComponent<ComponentType>;
  /** Present for pages that have a menu entry. */
  menu?: { label: MessageKey; icon: ReactElement };
  /** A provider page only some member roles open (spec 2.1's table); absent: every member. */
  ability?: MemberAbility;
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

// Provider (服务商控制台)
const providerRoutes: AppRoute[] = [
  { path: '/provider/products', roles: ['provider'], Page: page(() => import('../products/product-list')), menu: { label: 'nav.products', icon: <ShopIcon /> } },
  { path: '/provider/products/new', roles: ['provider'], ability: 'products', Page: page(() => import('../products/product-form')) },
  { path: '/provider/products/:productId', roles: ['provider'], Page: page(() => import('../products/product-detail')) },
  { path: '/provider/products/:productId/edit', roles: ['provider'], ability: 'products', Page: page(() => import('../products/product-form')) },
  // 兑换码 of a code product: every member reads the stock and who got which code; 商品管理 uploads
  { path: '/provider/products/:productId/codes', roles: ['provider'], Page: page(() => import('../products/product-codes')) },
  { path: '/provider/orders', roles: ['provider'], Page: page(() => import('../orders/order-list')), menu: { label: 'nav.orders', icon: <ViewListIcon /> } },
  { path: '/provider/orders/:orderId', roles: ['provider'], Page: page(() => import('../orders/order-detail')) },
  { path: '/provider/dashboard', roles: ['provider'], ability: 'finance', Page: page(() => import('../dashboard/dashboard')), menu: { label: 'nav.dashboard', icon: <ChartBarIcon /> } },
  { path: '/provider/webhook', roles: ['provider'], ability: 'admin', Page: page(() => import('../webhooks/webhook-settings')), menu: { label: 'nav.webhooks', icon: <LinkIcon /> } },
  // 成员管理: every member sees the team; the administrator changes it
  { path: '/provider/members', roles: ['provider'], Page: page(() => import('../members/members')), menu: { label: 'nav.members', icon: <UsergroupIcon /> } },
  // SaaS 接入设置 with 接口调试 (administrator); the call log with 重新发送 (administrator, delivery)
  { path: '/provider/saas', roles: ['provider'], ability: 'admin', Page: page(() => import('../saas/saas-settings')), menu: { label: 'nav.saas', icon: <CloudIcon /> } },
  { path: '/provider/saas-calls', roles: ['provider'], ability: 'delivery', Page: page(() => import('../saas/saas-calls')), menu: { label: 'nav.saasCalls', icon: <HistoryIcon /> } },
];

// Buyer (用户控制台): add this role's pages here.
const buyerRoutes: AppRoute[] = [
  { path: '/catalog', roles: ['buyer'], Page: page(() => import('../catalog/catalog')), menu: { label: 'nav.catalog', icon: <StoreIcon /> } },
  { path: '/catalog/:productId', roles: ['buyer', 'provider', 'operator'], Page: page(() => import('../catalog/product')) },
  { path: '/buyer/orders', roles: ['buyer'], Page: page(() => import('../purchases/purchase-list')), menu: { label: 'nav.purchases', icon: <CartIcon /> } },
  { path: '/buyer/orders/:orderId', roles: ['buyer'], Page: page(() => import('../purchases/purchase-detail')) },
];

// Operator (运营后台): add this role's pages here.
const operatorRoutes: AppRoute[] = [
  { path: '/operator/reviews', roles: ['operator'], Page: page(() => import('../operator/review-queue')), menu: { label: 'nav.reviews', icon: <CheckRectangleIcon /> } },
  { path: '/operator/reviews/:productId', roles: ['operator'], Page: page(() => import('../operator/review-detail')) },
  { path: '/operator/appeals', roles: ['operator'], Page: page(() => import('../operator/appeal-queue')), menu: { label: 'nav.appeals', icon: <ChatBubbleErrorIcon /> } },
  { path: '/operator/orders/:orderId', roles: ['operator'], Page: page(() => import('../operator/order-view')) },
  { path: '/operator/search', roles: ['operator'], Page: page(() => import('../operator/search')), menu: { label: 'nav.search', icon: <SearchIcon /> } },
  // 入驻审核 and 服务商管理
  { path: '/operator/applications', roles: ['operator'], Page: page(() => import('../applications/application-queue')), menu: { label: 'nav.applications', icon: <InstitutionCheckedIcon /> } },
  { path: '/operator/applications/:applicationId', roles: ['operator'], Page: page(() => import('../applications/application-review')) },
  { path: '/operator/providers', roles: ['operator'], Page: page(() => import('../members/providers')), menu: { label: 'nav.providers', icon: <BuildingIcon /> } },
];

// Every signed-in user.
const sharedRoutes: AppRoute[] = [
  // The buyers' product page (查看), also opened by providers from 商品管理.
  // the product page as buyers see it (查看), also under the API's own path
  { path: '/products/:productId', roles: ['provider', 'buyer', 'operator'], Page: page(() => import('../catalog/product')) },
  { path: '/inbox', roles: ['provider', 'buyer', 'operator'], Page: page(() => import('../inbox/inbox')), menu: { label: 'nav.inbox', icon: <NotificationIcon /> } },
  // 服务商入驻: anyone who may buy may apply for a company
  { path: '/apply', roles: ['buyer', 'provider'], Page: page(() => import('../applications/apply')), menu: { label: 'nav.apply', icon: <CertificateIcon /> } },
  { path: '/settings', roles: ['provider', 'buyer', 'operator'], Page: page(() => import('../people/settings')), menu: { label: 'nav.settings', icon: <UserSettingIcon /> } },
];

export const ROLE_ORDER: Role[] = ['provider', 'buyer', 'operator'];
export const routesByRole: Record<Role, AppRoute[]> = { provider: providerRoutes, buyer: buyerRoutes, operator: operatorRoutes };
export const routes: AppRoute[] = [...providerRoutes, ...buyerRoutes, ...operatorRoutes, ...sharedRoutes];
export const sharedMenu = sharedRoutes.filter((r) => r.menu);

/** Whether a member with this role (in the organisation acted for) opens the route. */
export const memberOpens = (route: AppRoute, memberRole: MemberRole | undefined) => !route.ability || memberMay(memberRole, route.ability);

/** The routes a user with these roles may open. */
export const routesFor = (roles: Role[], memberRole?: MemberRole) =>
  routes.filter((r) => r.roles.some((role) => roles.includes(role)) && (!r.roles.every((x) => x === 'provider') || memberOpens(r, memberRole)));

/** Where a user lands after signing in: the first menu page of their first role. */
export const homeFor = (roles: Role[]) =>
  ROLE_ORDER.filter((r) => roles.includes(r)).flatMap((r) => routesByRole[r].filter((x) => x.menu))[0]?.path ?? '/inbox';

/** Where an order or product mentioned in a notification opens, for a user with these roles. */
export const linkFor = (roles: Role[], target: { orderId?: string; side?: string; productId?: string; type?: string }) => {
  if (target.orderId) {
    // the side the notification was sent to (a member of an organisation who bought elsewhere is told as a buyer)
    if (target.side === 'buyer') return `/buyer/orders/${target.orderId}`;
    if (target.side === 'operator' && roles.includes('operator')) return `/operator/orders/${target.orderId}`;
    if (roles.includes('provider')) return `/provider/orders/${target.orderId}`;
    if (roles.includes('buyer')) return `/buyer/orders/${target.orderId}`;
    if (roles.includes('operator')) return `/operator/orders/${target.orderId}`;
  }
  if (target.productId) {
    // a plan running out of redemption codes: the page where codes are uploaded
    if (roles.includes('provider')) return `/provider/products/${target.productId}${target.type === 'low-stock' ? '/codes' : ''}`;
    return `/catalog/${target.productId}`;
  }
  return undefined;
};
