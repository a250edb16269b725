import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { CatalogProduct, Page, ProductInput, ProductStatus, ProviderProduct, ServiceType } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';

export const PRODUCTS_KEY = ['provider', 'products'] as const;

export interface ProductFilters {
  serviceType?: ServiceType;
  status?: ProductStatus;
}

/** 商品管理 list: own products by service type and status, cursor paged. */
export const useOwnProducts = (filters: ProductFilters) =>
  useCursorList<ProviderProduct>([...PRODUCTS_KEY, 'list', filters], (cursor) =>
    unwrap<Page<ProviderProduct>>(api().GET('/provider/products', { params: { query: { ...filters, cursor, limit: 20 } } })),
  );

export const useOwnProduct = (productId: string | undefined) =>
  useQuery({
    queryKey: [...PRODUCTS_KEY, 'one', productId],
    enabled: Boolean(productId),
    queryFn: () => unwrap<ProviderProduct>(api().GET('/provider/products/{productId}', { params: { path: { productId: productId! } } })),
  });

/** The buyers' product page (查看): the live content only. */
export const useProductPage = (productId: string | undefined) =>
  useQuery({
    queryKey: ['products', 'page', productId],
    enabled: Boolean(productId),
    queryFn: () => unwrap<CatalogProduct>(api().GET('/products/{productId}', { params: { path: { productId: productId! } } })),
  });

const invalidate = [PRODUCTS_KEY as unknown as string[]];
const path = (productId: string) => ({ params: { path: { productId } } });

export const useCreateProduct = () =>
  useCommand('createProduct', (body: ProductInput, key) =>
    unwrap<ProviderProduct>(api().POST('/provider/products', { body: body, headers: idem(key) })), { invalidate, success: false });

export const useEditProduct = () =>
  useCommand('editProduct', ({ productId, body }: { productId: string; body: Partial<ProductInput> }, key) =>
    unwrap<ProviderProduct>(api().PATCH('/provider/products/{productId}', { ...path(productId), body: body, headers: idem(key) })), { invalidate, success: false });

export const useSubmitProduct = () =>
  useCommand('submitProduct', (productId: string, key) =>
    unwrap<ProviderProduct>(api().POST('/provider/products/{productId}/submit', { ...path(productId), headers: idem(key) })), { invalidate });

export const useWithdrawProduct = () =>
  useCommand('withdrawProduct', (productId: string, key) =>
    unwrap<ProviderProduct>(api().POST('/provider/products/{productId}/withdraw', { ...path(productId), headers: idem(key) })), { invalidate });

export const useDelistProduct = () =>
  useCommand('delistProduct', (productId: string, key) =>
    unwrap<ProviderProduct>(api().POST('/provider/products/{productId}/delist', { ...path(productId), headers: idem(key) })), { invalidate });

/** 删除 a never-listed product (DELETE /provider/products/{productId}, issue 8). */
export const useDeleteProduct = () =>
  useCommand('deleteProduct', (productId: string, key) =>
    unwrap(api().DELETE('/provider/products/{productId}', { ...path(productId), headers: idem(key) })), { invalidate });
