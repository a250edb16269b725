import { checkReferences } from '../../lib/attachments/repository';
import { orderCommandRoute } from '../../lib/orders/routes';

/** POST /orders/{orderId}/complete — 服务商-实施完成, with a delivery note and, optionally, attachments. */
export const handler = orderCommandRoute('complete', { checkReferences });
