import type { ServiceType } from '../api/types';

/** The catalogue (服务市场) and the products' ratings. */
export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'list'] as const,
  list: (filters: { serviceType?: ServiceType }) => [...catalogKeys.lists(), filters] as const,
  reviews: (productId: string) => [...catalogKeys.all, 'reviews', productId] as const,
};
