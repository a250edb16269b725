import { api, unwrap } from '../api/client';
import type { Order, OrderStatus, Page } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { ORDERS_KEY } from '../orders/hooks';

/** 已购服务: the buyer's own orders, newest first, optionally one status, cursor paged. */
export const useBuyerOrders = (status: OrderStatus | undefined) =>
  useCursorList<Order>([...ORDERS_KEY, 'buyer', { status }], (cursor) =>
    unwrap<Page<Order>>(api().GET('/buyer/orders', { params: { query: { status, cursor, limit: 20 } } })),
  );
