import { useQuery } from '@tanstack/react-query';
import { api, send, unwrap } from '../api/client';
import type { ProductInput } from '../api/types';
import { PAGE_SIZE, useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { codeKeys, productChanged, productKeys, type ProductFilters } from './keys';

export type { ProductFilters };

const path = (productId: string) => ({ params: { path: { productId } } });

/** 商品管理 list: own products by service type and status, cursor paged. */
export const useOwnProducts = (filters: ProductFilters) =>
  useCursorList(productKeys.list(filters), (cursor) => unwrap(api().GET('/provider/products', { params: { query: { ...filters, cursor, limit: 20 } } })));

/** The product filter's choices on 订单管理: the first hundred own products. */
export const useProductOptions = () =>
  useQuery({ queryKey: productKeys.options(), queryFn: () => unwrap(api().GET('/provider/products', { params: { query: { limit: 100 } } })) });

/** The provider's view of one product: live and draft content, the revision, the review history. */
export const useOwnProduct = (productId: string | undefined) =>
  useQuery({
    queryKey: productKeys.own(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: () => unwrap(api().GET('/provider/products/{productId}', path(productId ?? ''))),
  });

/** The buyers' product page (查看): the live content only. */
export const useProductPage = (productId: string | undefined) =>
  useQuery({
    queryKey: productKeys.page(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: () => unwrap(api().GET('/products/{productId}', path(productId ?? ''))),
  });

export const useCreateProduct = () =>
  useCommand('createProduct', (body: ProductInput, key) => unwrap(api().POST('/provider/products', { body, headers: idem(key) })), {
    invalidate: (_vars, product) => productChanged(product.productId),
    success: false,
  });

export const useEditProduct = () =>
  useCommand(
    'editProduct',
    ({ productId, body }: { productId: string; body: Partial<ProductInput> }, key) =>
      unwrap(api().PATCH('/provider/products/{productId}', { ...path(productId), body, headers: idem(key) })),
    { invalidate: ({ productId }) => productChanged(productId), success: false },
  );

/** 提交, 撤销审核, 下架: one product's state commands, each answering the product. */
const useProductCommand = (name: string, route: '/provider/products/{productId}/submit' | '/provider/products/{productId}/withdraw' | '/provider/products/{productId}/delist') =>
  useCommand(name, (productId: string, key) => unwrap(api().POST(route, { ...path(productId), headers: idem(key) })), {
    invalidate: (productId) => productChanged(productId),
  });

export const useSubmitProduct = () => useProductCommand('submitProduct', '/provider/products/{productId}/submit');
export const useWithdrawProduct = () => useProductCommand('withdrawProduct', '/provider/products/{productId}/withdraw');
export const useDelistProduct = () => useProductCommand('delistProduct', '/provider/products/{productId}/delist');

/** 删除 a never-listed product (DELETE /provider/products/{productId}). */
export const useDeleteProduct = () =>
  useCommand('deleteProduct', (productId: string, key) => send(api().DELETE('/provider/products/{productId}', { ...path(productId), headers: idem(key) })), {
    invalidate: (productId) => productChanged(productId),
  });

// ---- 兑换码 (redemption codes of a code product)

/** Every plan's stock and, page by page, one plan's codes (masked) with the order that got each. */
export const useProductCodes = (productId: string | undefined, planId: string | undefined) =>
  useCursorList(
    codeKeys.plan(productId ?? '', planId),
    (cursor) =>
      unwrap(api().GET('/provider/products/{productId}/codes', { params: { path: { productId: productId ?? '' }, query: { planId, cursor, limit: PAGE_SIZE } } })),
    Boolean(productId),
  );

/** 上传兑换码: one plan's codes (at most 1,000 a call); answers what was added and the plan's stock. */
export const useUploadCodes = () =>
  useCommand(
    'uploadCodes',
    ({ productId, planId, codes }: { productId: string; planId: string; codes: string[] }, key) =>
      unwrap(api().POST('/provider/products/{productId}/codes', { ...path(productId), body: { planId, codes }, headers: idem(key) })),
    { invalidate: ({ productId }) => [codeKeys.all(productId), productKeys.page(productId)], success: false },
  );
