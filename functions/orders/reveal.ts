import { withCodes } from '../../lib/codes/reveal';
import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/reveal — 查看兑换码: the buyer of a delivered code order sees its codes; the order is complete. */
export const handler = orderCommandRoute('reveal', { finish: (reply, user, result) => withCodes(reply, user, result?.order) });
