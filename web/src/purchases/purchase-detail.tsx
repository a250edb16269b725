import { useParams } from 'react-router';
import { Alert, Card, Loading, Space } from 'tdesign-react';
import { InfoList } from '../app/info-list';
import { ConfirmAction } from '../app/confirm-action';
import { formatTime, money } from '../app/format';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { OrderConversation } from '../orders/order-conversation';
import type { Order } from '../api/types';
import { OrderStatusTag } from '../app/status-tags';
import { useAppealOrder, useCancelOrder, useConfirmOrder, useOrder, useRejectCompletion, useRevealOrder } from '../orders/hooks';
import { OrderCodes } from './order-codes';
import { DeliveryView, OrderTimeline, RequirementsView, type Side } from '../orders/components';
import { OrderReview } from './order-review';
import { offer } from '../orders/actions';
import { RequirementsForm } from './requirements-form';
import { AppLink } from '../app/app-link';
import { SaasActions, SaasInstanceCard } from './saas-instance';

/** The buyer's buttons: those the API's `actions` list, disabled with its reason when not allowed now. */
const BuyerActions = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const confirm = useConfirmOrder();
  const reject = useRejectCompletion();
  const cancel = useCancelOrder();
  const appeal = useAppealOrder();
  const reveal = useRevealOrder();
  const id = order.orderId;
  const revealOffer = offer(order, 'reveal');
  const confirmOffer = offer(order, 'confirm');
  const rejectOffer = offer(order, 'reject-completion');
  const cancelOffer = offer(order, 'cancel');
  const appealOffer = offer(order, 'appeal');
  return (
    <Space size={8} breakLine>
      {revealOffer.shown && (
        <ConfirmAction label={t('codes.reveal')} body={t('codes.revealConfirm')} command={reveal} vars={{ orderId: id }} refusal={revealOffer.refusal} />
      )}
      {confirmOffer.shown && (
        <ConfirmAction label={t('order.confirm')} body={t('order.confirmBody')} command={confirm} vars={{ orderId: id }} refusal={confirmOffer.refusal} />
      )}
      {rejectOffer.shown && (
        <ConfirmAction
          label={t('order.rejectCompletion')}
          variant="outline"
          body={t('order.rejectCompletionBody')}
          command={reject}
          refusal={rejectOffer.refusal}
          input={{ label: t('order.reason'), field: 'reason', required: true }}
          vars={(reason: string) => ({ orderId: id, body: { reason } })}
        />
      )}
      {cancelOffer.shown && (
        <ConfirmAction
          label={t('order.cancel')}
          title={t('order.cancelTitle')}
          variant="outline"
          theme="danger"
          body={t('order.cancelBody')}
          command={cancel}
          refusal={cancelOffer.refusal}
          input={{ label: t('order.reason'), field: 'reason' }}
          vars={(reason: string) => ({ orderId: id, body: reason.trim() ? { reason } : {} })}
        />
      )}
      {appealOffer.shown && (
        <ConfirmAction
          label={t('order.appeal')}
          variant="outline"
          theme="warning"
          body={t('order.appealBody')}
          command={appeal}
          refusal={appealOffer.refusal}
          input={{ label: t('order.reason'), field: 'reason', required: true }}
          vars={(reason: string) => ({ orderId: id, body: { reason } })}
        />
      )}
    </Space>
  );
};

/** The order's facts: product, plan, money, times and each party's status name. */
export const OrderSummary = ({ order, productLink, side }: { order: Order; productLink?: string; side?: Side }) => {
  const { t, lang } = useI18n();
  return (
    <InfoList
      bordered
      column={1}
      items={[
        { label: t('orders.orderId'), content: <span className="mono nowrap">{order.orderId}</span> },
        ...(order.providerName ? [{ label: t('orders.providerName'), content: order.providerName }] : []),
        ...(side !== 'buyer' && order.buyer ? [{ label: t('orders.buyer'), content: [order.buyer.displayName, order.buyer.phone, order.buyer.email].filter(Boolean).join(' · ') }] : []),
        { label: t('orders.product'), content: productLink ? <AppLink to={productLink}>{order.product.name}</AppLink> : order.product.name },
        { label: t('orders.plan'), content: `${order.product.plan.name} · ${order.product.plan.duration} ${t(`unit.${order.product.plan.unit}`)}` },
        { label: t('order.unitPrice'), content: money(order.product.unitPrice ?? order.product.plan.price, lang) },
        { label: t('orders.quantity'), content: order.quantity },
        { label: t('orders.amount'), content: <strong>{money(order.amount, lang)}</strong> },
        // a party reads its own status name (worded for it); the operator both
        ...(side
          ? [{ label: t('common.status'), content: <OrderStatusTag order={order} side={side} /> }]
          : [
              { label: t('order.buyerSees'), content: <OrderStatusTag order={order} side="buyer" /> },
              { label: t('order.providerSees'), content: <OrderStatusTag order={order} side="provider" /> },
            ]),
        { label: t('orders.createdAt'), content: formatTime(order.createdAt) },
        { label: t('orders.completedAt'), content: formatTime(order.completedAt) },
        ...(order.refund ? [{ label: t('order.refund', { amount: money(order.refund.amount, lang) }), content: formatTime(order.refund.at) }] : []),
      ]}
    />
  );
};

/** Appeal, resolution and delivery as notices above the record. */
export const OrderNotices = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  return (
    <>
      {order.appeal && order.status === 'disputed' && <Alert theme="error" message={t('order.appealInfo', { reason: order.appeal.reason })} />}
      {order.resolution && (
        <Alert theme="info" title={`${t('order.resolution')}：${t(`appeals.outcome.${order.resolution.outcome}`)}`} message={order.resolution.note} />
      )}
    </>
  );
};

/** The order for its buyer: 提交需求单, 确认完成, 驳回验收, 取消, 申诉, the conversation, the record, 评价. */
export default function PurchaseDetail() {
  const { orderId } = useParams();
  const { t } = useI18n();
  const q = useOrder(orderId);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <PageError error={q.error} />;
  const order = q.data;
  return (
    <section aria-labelledby="order-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <AppLink to="/buyer/orders">← {t('purchases.title')}</AppLink>
          <Space align="center" breakLine>
            <h1 id="order-title">{order.product.name}</h1>
            <OrderStatusTag order={order} side="buyer" size="large" />
          </Space>
        </Space>
        <Space size={8} breakLine>
          <BuyerActions order={order} />
          <SaasActions order={order} />
        </Space>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <OrderNotices order={order} />
        <div className="two-columns">
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('order.summary')} bordered>
              <OrderSummary order={order} productLink={`/catalog/${order.productId}`} side="buyer" />
            </Card>
            {order.status === 'awaiting_start' && (order.product.requirementsTemplate?.length ?? 0) > 0 ? (
              <Card title={t('orders.requirements')} bordered>
                <RequirementsForm key={order.version} order={order} />
              </Card>
            ) : (
              <RequirementsView order={order} />
            )}
            <DeliveryView order={order} />
            {order.delivery === 'code' && <OrderCodes order={order} />}
            <SaasInstanceCard order={order} />
            {order.status === 'completed' && (
              <Card title={order.review ? t('order.reviewed') : t('order.reviewTitle')} bordered>
                <OrderReview order={order} />
              </Card>
            )}
          </Space>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('conversation.title')} bordered>
              <OrderConversation order={order} />
            </Card>
            <OrderTimeline order={order} side="buyer" />
          </Space>
        </div>
      </Space>
    </section>
  );
}

