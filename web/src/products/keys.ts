import type { QueryKey } from '@tanstack/react-query';
import { catalogKeys } from '../catalog/keys';
import { operatorKeys } from '../operator/keys';
import type { ProductStatus, ServiceType } from '../api/types';

export interface ProductFilters {
  serviceType?: ServiceType;
  status?: ProductStatus;
}

/**
 * The provider's products and the product page (查看), as query keys: each key begins with the keys of what
 * holds it, so invalidating `detail(id)` refreshes the provider's view, the form and the product page.
 */
export const productKeys = {
  all: ['products'] as const,
  lists: () => [...productKeys.all, 'list'] as const,
  list: (filters: ProductFilters) => [...productKeys.lists(), filters] as const,
  /** The product filter's options on 订单管理 (the first hundred own products). */
  options: () => [...productKeys.lists(), 'options'] as const,
  detail: (productId: string) => [...productKeys.all, 'detail', productId] as const,
  /** `GET /provider/products/{productId}`: the provider's view (live, draft, history). */
  own: (productId: string) => [...productKeys.detail(productId), 'own'] as const,
  /** `GET /products/{productId}`: the product page as buyers see it. */
  page: (productId: string) => [...productKeys.detail(productId), 'page'] as const,
};

/** What a change to one product shows in: its views, the provider's lists, the catalogue, the operator's. */
export const productChanged = (productId: string): QueryKey[] => [productKeys.detail(productId), productKeys.lists(), catalogKeys.lists(), operatorKeys.all];

/**
 * 兑换码 of a product: every plan's stock and one plan's codes (`GET /provider/products/{productId}/codes`). Apart
 * from the product's keys: any purchase changes the stock, and an order's live notice does not name its product,
 * so an order notice refreshes `codeKeys.root` (only an open 兑换码 page refetches).
 */
export const codeKeys = {
  root: ['codes'] as const,
  all: (productId: string) => [...codeKeys.root, productId] as const,
  plan: (productId: string, planId: string | undefined) => [...codeKeys.all(productId), planId ?? ''] as const,
};
