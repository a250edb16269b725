import { checkReferences } from '../../lib/attachments/repository';
import { orderCommandRoute } from '../../lib/orders/routes';
import { requirementsBody } from '../../lib/orders/schemas';

/** PUT /orders/{orderId}/requirements — 用户-提交需求单: submit or edit the requirements form. */
export const handler = orderCommandRoute('submit-requirements', requirementsBody, { checkReferences });
