import { Tag, type TagProps } from 'tdesign-react';
import type { DeliveryStatus, Order, OrderStatus, ProductStatus, RequirementsStatus, ReviewDecision } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';

type Theme = NonNullable<TagProps['theme']>;

/**
 * Every status the console shows as a tag, one entry each: its colour and its name. A product's name is
 * the console's; an order's shown label is the API's own (`labels`, which knows the buyer's 待提交需求单),
 * the names here serve the filters, the chart and the record's transitions.
 */
export const PRODUCT_STATUS: Record<ProductStatus, { theme: Theme; label: MessageKey }> = {
  draft: { theme: 'default', label: 'status.draft' },
  in_review: { theme: 'warning', label: 'status.in_review' },
  rejected: { theme: 'danger', label: 'status.rejected' },
  listed: { theme: 'success', label: 'status.listed' },
  delisted: { theme: 'default', label: 'status.delisted' },
};

export const ORDER_STATUS: Record<OrderStatus, { theme: Theme; provider: MessageKey; buyer: MessageKey }> = {
  awaiting_start: { theme: 'warning', provider: 'orderStatus.provider.awaiting_start', buyer: 'orderStatus.buyer.awaiting_start' },
  implementing: { theme: 'primary', provider: 'orderStatus.provider.implementing', buyer: 'orderStatus.buyer.implementing' },
  awaiting_confirmation: { theme: 'warning', provider: 'orderStatus.provider.awaiting_confirmation', buyer: 'orderStatus.buyer.awaiting_confirmation' },
  completed: { theme: 'success', provider: 'orderStatus.provider.completed', buyer: 'orderStatus.buyer.completed' },
  cancelled: { theme: 'default', provider: 'orderStatus.provider.cancelled', buyer: 'orderStatus.buyer.cancelled' },
  disputed: { theme: 'danger', provider: 'orderStatus.provider.disputed', buyer: 'orderStatus.buyer.disputed' },
  delivered: { theme: 'primary', provider: 'orderStatus.provider.delivered', buyer: 'orderStatus.buyer.delivered' },
  // SaaS orders
  provisioning: { theme: 'warning', provider: 'orderStatus.provider.provisioning', buyer: 'orderStatus.buyer.provisioning' },
  active: { theme: 'success', provider: 'orderStatus.provider.active', buyer: 'orderStatus.buyer.active' },
  expired: { theme: 'warning', provider: 'orderStatus.provider.expired', buyer: 'orderStatus.buyer.expired' },
  destroyed: { theme: 'default', provider: 'orderStatus.provider.destroyed', buyer: 'orderStatus.buyer.destroyed' },
};

export const REQUIREMENTS_STATUS: Record<RequirementsStatus, { theme: Theme; label: MessageKey }> = {
  none: { theme: 'default', label: 'orders.requirementsStatus.none' },
  submitted: { theme: 'success', label: 'orders.requirementsStatus.submitted' },
  rejected: { theme: 'danger', label: 'orders.requirementsStatus.rejected' },
  accepted: { theme: 'success', label: 'orders.requirementsStatus.accepted' },
};

export const REVIEW_DECISION: Record<ReviewDecision, { theme: Theme; label: MessageKey }> = {
  approved: { theme: 'success', label: 'products.decision.approved' },
  rejected: { theme: 'danger', label: 'products.decision.rejected' },
  delisted: { theme: 'danger', label: 'products.decision.delisted' },
};

export const DELIVERY_STATUS: Record<DeliveryStatus, { theme: Theme; label: MessageKey }> = {
  pending: { theme: 'warning', label: 'webhooks.status.pending' },
  succeeded: { theme: 'success', label: 'webhooks.status.succeeded' },
  failed: { theme: 'danger', label: 'webhooks.status.failed' },
  gone: { theme: 'danger', label: 'webhooks.status.gone' },
};

type TagSize = TagProps['size'];

export const ProductStatusTag = ({ status, size }: { status: ProductStatus; size?: TagSize }) => {
  const { t } = useI18n();
  return (
    <Tag theme={PRODUCT_STATUS[status].theme} variant="light" size={size}>
      {t(PRODUCT_STATUS[status].label)}
    </Tag>
  );
};

/** An order's status as one party sees it: the colour of its status, the API's label for that party. */
export const OrderStatusTag = ({ order, side, size }: { order: Pick<Order, 'status' | 'labels'>; side: 'provider' | 'buyer'; size?: TagSize }) => (
  <Tag theme={ORDER_STATUS[order.status].theme} variant="light" size={size}>
    {order.labels[side]}
  </Tag>
);

/** A status of a fixed set (requirements, review decisions, deliveries) by its table above. */
export const StatusTag = ({ entry, suffix }: { entry: { theme: Theme; label: MessageKey }; suffix?: string }) => {
  const { t } = useI18n();
  return (
    <Tag theme={entry.theme} variant="light">
      {t(entry.label)}
      {suffix}
    </Tag>
  );
};
