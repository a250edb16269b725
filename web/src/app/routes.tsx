import { lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';
import { CartIcon, ChartBarIcon, ChatBubbleErrorIcon, CheckRectangleIcon, LinkIcon, NotificationIcon, SearchIcon, ShopIcon, StoreIcon, ViewListIcon } from 'tdesign-icons-react';
import type { MessageKey } from '../i18n';
import type { Role } from './auth';

/** A page of the console: navigation is this data, filtered by the signed-in user's roles. */
export interface AppRoute {
  path: string;
  roles: Role[];
  Page: LazyExoticComponent<ComponentType>;
  /** Present for pages that have a menu entry. */
  menu?: { label: MessageKey; icon: ReactElement };
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

// Provider (服务商控制台)
const providerRoutes: AppRoute[] = [
  { path: '/provider/products', roles: ['provider'], Page: page(() => import('../products/product-list')), menu: { label: 'nav.products', icon: <ShopIcon /> } },
  { path: '/provider/products/new', roles: ['provider'], Page: page(() => import('../products/product-form')) },
  { path: '/provider/products/:productId', roles: ['provider'], Page: page(() => import('../products/product-detail')) },
  { path: '/provider/products/:productId/edit', roles: ['provider'], Page: page(() => import('../products/product-form')) },
  { path: '/provider/orders', roles: ['provider'], Page: page(() => import('../orders/order-list')), menu: { label: 'nav.orders', icon: <ViewListIcon /> } },
  { path: '/provider/orders/:orderId', roles: ['provider'], Page: page(() => import('../orders/order-detail')) },
  { path: '/provider/dashboard', roles: ['provider'], Page: page(() => import('../dashboard/dashboard')), menu: { label: 'nav.dashboard', icon: <ChartBarIcon /> } },
  { path: '/provider/webhook', roles: ['provider'], Page: page(() => import('../webhooks/webhook-settings')), menu: { label: 'nav.webhooks', icon: <LinkIcon /> } },
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
];

// Every signed-in user.
const sharedRoutes: AppRoute[] = [
  // The buyers' product page (查看), also opened by providers from 商品管理.
  // the product page as buyers see it (查看), also under the API's own path
  { path: '/products/:productId', roles: ['provider', 'buyer', 'operator'], Page: page(() => import('../catalog/product')) },
  { path: '/inbox', roles: ['provider', 'buyer', 'operator'], Page: page(() => import('../inbox/inbox')), menu: { label: 'nav.inbox', icon: <NotificationIcon /> } },
];

export const ROLE_ORDER: Role[] = ['provider', 'buyer', 'operator'];
export const routesByRole: Record<Role, AppRoute[]> = { provider: providerRoutes, buyer: buyerRoutes, operator: operatorRoutes };
export const routes: AppRoute[] = [...providerRoutes, ...buyerRoutes, ...operatorRoutes, ...sharedRoutes];
export const sharedMenu = sharedRoutes.filter((r) => r.menu);

/** The routes a user with these roles may open. */
export const routesFor = (roles: Role[]) => routes.filter((r) => r.roles.some((role) => roles.includes(role)));

/** Where a user lands after signing in: the first menu page of their first role. */
export const homeFor = (roles: Role[]) =>
  ROLE_ORDER.filter((r) => roles.includes(r)).flatMap((r) => routesByRole[r].filter((x) => x.menu))[0]?.path ?? '/inbox';

/** Where an order or product mentioned in a notification opens, for a user with these roles. */
export const linkFor = (roles: Role[], target: { orderId?: string; productId?: string }) => {
  if (target.orderId) {
    if (roles.includes('provider')) return `/provider/orders/${target.orderId}`;
    if (roles.includes('buyer')) return `/buyer/orders/${target.orderId}`;
    if (roles.includes('operator')) return `/operator/orders/${target.orderId}`;
  }
  if (target.productId) {
    if (roles.includes('provider')) return `/provider/products/${target.productId}`;
    return `/catalog/${target.productId}`;
  }
  return undefined;
};
