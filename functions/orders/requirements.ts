import { checkReferences } from '../../lib/attachments/repository';
import { orderCommandRoute } from '../../lib/orders/routes';

/** PUT /orders/{orderId}/requirements — 用户-提交需求单: submit or edit the requirements form. */
export const handler = orderCommandRoute('submit-requirements', { checkReferences });
