import { orderCommandRoute } from '../../lib/orders/routes';
import { noteBody } from '../../lib/orders/schemas';

/** POST /orders/{orderId}/complete — 服务商-实施完成, with a delivery note. */
export const handler = orderCommandRoute('complete', noteBody);
