import type { ProductStatus, ServiceType } from '../api/types';

export interface ProductSearch {
  status?: ProductStatus;
  providerId?: string;
  providerName?: string;
  creditCode?: string;
  providerEmail?: string;
  serviceType?: ServiceType;
}

/** The operator's review queue, one product under review, and the product search. */
export const operatorKeys = {
  all: ['operator'] as const,
  reviews: () => [...operatorKeys.all, 'reviews'] as const,
  reviewQueue: () => [...operatorKeys.reviews(), 'list'] as const,
  review: (productId: string) => [...operatorKeys.reviews(), 'one', productId] as const,
  products: () => [...operatorKeys.all, 'products'] as const,
  productSearch: (filters: ProductSearch) => [...operatorKeys.products(), filters] as const,
};
