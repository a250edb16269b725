import type { QueryKey } from '@tanstack/react-query';
import { catalogKeys } from '../catalog/keys';
import { dashboardKeys } from '../dashboard/keys';
import { productKeys } from '../products/keys';
import type { OrderStatus } from '../api/types';

export interface ProviderOrderFilters {
  status?: OrderStatus;
  productId?: string;
  createdFrom?: string;
  createdTo?: string;
  completedFrom?: string;
  completedTo?: string;
}

export interface OrderSearch {
  status?: OrderStatus;
  orderId?: string;
  providerId?: string;
  buyerId?: string;
  /** The organisation by a prefix of its name, its credit code or a member's email; the buyer by email. */
  providerName?: string;
  creditCode?: string;
  providerEmail?: string;
  buyerEmail?: string;
  createdFrom?: string;
  createdTo?: string;
}

/** Orders: the provider's 订单管理, the buyer's 已购服务, the operator's search and appeal queue, one order. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  provider: (filters: ProviderOrderFilters) => [...orderKeys.lists(), 'provider', filters] as const,
  buyer: (filters: { status?: OrderStatus }) => [...orderKeys.lists(), 'buyer', filters] as const,
  operator: (filters: OrderSearch) => [...orderKeys.lists(), 'operator', filters] as const,
  detail: (orderId: string) => [...orderKeys.all, 'detail', orderId] as const,
};

/** What an order command changes: the order, every order list, the provider's figures. */
export const orderChanged = (orderId: string): QueryKey[] => [orderKeys.detail(orderId), orderKeys.lists(), dashboardKeys.all];

/** A rating (or its edit) also changes the product's ratings, its page's aggregate and the catalogue's. */
export const ratingChanged = (order: { orderId: string; productId: string }): QueryKey[] => [
  ...orderChanged(order.orderId),
  catalogKeys.reviews(order.productId),
  productKeys.page(order.productId),
  catalogKeys.lists(),
];
