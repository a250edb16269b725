import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Loading, Space, Tag } from 'tdesign-react';
import { ConfirmAction } from '../app/confirm-action';
import { when, yuan } from '../app/format';
import { ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { AttachmentLinks } from '../orders/attachment-links';
import { OrderConversation } from '../orders/order-conversation';
import { useAppealOrder, useCancelOrder, useConfirmOrder, useOrder, useRejectCompletion, type OrderView } from '../orders/order-hooks';
import { OrderTimeline } from '../orders/order-timeline';
import { OrderReview } from './order-review';
import { STATUS_THEME } from './purchase-list';
import { RequirementsForm } from './requirements-form';

/** The buyer's buttons; which ones show follows the status, whether they may is the API's answer (409 shown). */
const BuyerActions = ({ order }: { order: OrderView }) => {
  const { t } = useI18n();
  const confirm = useConfirmOrder();
  const reject = useRejectCompletion();
  const cancel = useCancelOrder();
  const appeal = useAppealOrder();
  const id = order.orderId;
  const s = order.status;
  return (
    <Space size={8} breakLine>
      {s === 'awaiting_confirmation' && (
        <ConfirmAction label={t('order.confirm')} body={t('order.confirmBody')} command={confirm} vars={{ orderId: id }} />
      )}
      {s === 'awaiting_confirmation' && (
        <ConfirmAction
          label={t('order.rejectCompletion')}
          variant="outline"
          body={t('order.rejectCompletionBody')}
          command={reject}
          input={{ label: t('order.reason'), field: 'reason', required: true }}
          vars={(reason: string) => ({ orderId: id, body: { reason } })}
        />
      )}
      {s === 'awaiting_start' && (
        <ConfirmAction
          label={t('order.cancel')}
          title={t('order.cancelTitle')}
          variant="outline"
          theme="danger"
          body={t('order.cancelBody')}
          command={cancel}
          input={{ label: t('order.reason'), field: 'reason' }}
          vars={(reason: string) => ({ orderId: id, body: reason.trim() ? { reason } : {} })}
        />
      )}
      {(s === 'awaiting_start' || s === 'implementing' || s === 'awaiting_confirmation') && (
        <ConfirmAction
          label={t('order.appeal')}
          variant="outline"
          theme="warning"
          body={t('order.appealBody')}
          command={appeal}
          input={{ label: t('order.reason'), field: 'reason', required: true }}
          vars={(reason: string) => ({ orderId: id, body: { reason } })}
        />
      )}
    </Space>
  );
};

/** The order's facts: product, plan, money, times and each party's status name. */
export const OrderSummary = ({ order, productLink }: { order: OrderView; productLink?: string }) => {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      bordered
      column={1}
      items={[
        { label: t('orders.orderId'), content: <code>{order.orderId}</code> },
        { label: t('orders.product'), content: productLink ? <Link to={productLink}>{order.product.name}</Link> : order.product.name },
        { label: t('orders.plan'), content: `${order.product.plan.name}（${order.product.plan.duration} ${t(`unit.${order.product.plan.unit}`)}）` },
        { label: t('order.unitPrice'), content: yuan(order.product.unitPrice ?? order.product.plan.price, lang) },
        { label: t('orders.quantity'), content: order.quantity },
        { label: t('orders.amount'), content: <strong>{yuan(order.amount, lang)}</strong> },
        { label: t('order.buyerSees'), content: <Tag theme={STATUS_THEME[order.status]} variant="light">{order.labels.buyer}</Tag> },
        { label: t('order.providerSees'), content: <Tag variant="light">{order.labels.provider}</Tag> },
        { label: t('orders.createdAt'), content: when(order.createdAt, lang) },
        { label: t('orders.completedAt'), content: when(order.completedAt, lang) },
        ...(order.refund ? [{ label: t('order.refund', { amount: yuan(order.refund.amount, lang) }), content: when(order.refund.at, lang) }] : []),
      ]}
    />
  );
};

/** Appeal, resolution and delivery as notices above the record. */
export const OrderNotices = ({ order }: { order: OrderView }) => {
  const { t } = useI18n();
  return (
    <>
      {order.appeal && order.status === 'disputed' && <Alert theme="error" message={t('order.appealInfo', { reason: order.appeal.reason })} />}
      {order.resolution && (
        <Alert theme="info" title={`${t('order.resolution')}：${t(`appeals.outcome.${order.resolution.outcome}` as never)}`} message={order.resolution.note} />
      )}
    </>
  );
};

/** The delivery note of 实施完成 and its files. */
export const DeliveryNote = ({ order }: { order: OrderView }) => {
  const { t } = useI18n();
  if (!order.delivery) return <p className="muted">{t('order.noDelivery')}</p>;
  return (
    <Space direction="vertical" size={4}>
      <div style={{ whiteSpace: 'pre-wrap' }}>{order.delivery.note}</div>
      <AttachmentLinks order={order} ids={(order.delivery.attachments as unknown as string[] | undefined) ?? []} />
    </Space>
  );
};

/** The order for its buyer: 提交需求单, 确认完成, 驳回验收, 取消, 申诉, the conversation, the record, 评价. */
export default function PurchaseDetail() {
  const { orderId } = useParams();
  const { t } = useI18n();
  const q = useOrder(orderId);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <ProblemAlert error={q.error} />;
  const order = q.data;
  return (
    <section aria-labelledby="order-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <Link to="/buyer/orders">← {t('purchases.title')}</Link>
          <Space align="center" breakLine>
            <h1 id="order-title">{order.product.name}</h1>
            <Tag theme={STATUS_THEME[order.status]} size="large">
              {order.labels.buyer}
            </Tag>
          </Space>
        </Space>
        <BuyerActions order={order} />
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <OrderNotices order={order} />
        <div className="two-columns">
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('order.summary')} bordered>
              <OrderSummary order={order} productLink={`/catalog/${order.productId}`} />
            </Card>
            <Card title={t('orders.requirements')} bordered>
              {order.status === 'awaiting_start' ? <RequirementsForm key={order.version} order={order} /> : <AnswersView order={order} />}
            </Card>
            <Card title={t('order.delivery')} bordered>
              <DeliveryNote order={order} />
            </Card>
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
            <Card title={t('timeline.title')} bordered>
              <OrderTimeline order={order} />
            </Card>
          </Space>
        </div>
      </Space>
    </section>
  );
}

/** The submitted answers, read-only once work has started. */
export const AnswersView = ({ order }: { order: OrderView }) => {
  const { t } = useI18n();
  const template = order.product.requirementsTemplate ?? [];
  const answers = (order.requirements.answers ?? {}) as Record<string, unknown>;
  if (template.length === 0) return <p className="muted">{t('order.requirementsEmpty')}</p>;
  if (Object.keys(answers).length === 0) return <p className="muted">{t('orders.requirementsNone')}</p>;
  return (
    <Descriptions
      bordered
      column={1}
      items={template.map((f) => {
        const v = answers[f.key];
        return {
          label: f.label,
          content:
            f.type === 'file' && typeof v === 'string' ? (
              <AttachmentLinks order={order} ids={[v]} />
            ) : typeof v === 'boolean' ? (
              v ? t('common.yes') : t('common.no')
            ) : v === undefined ? (
              '—'
            ) : (
              String(v)
            ),
        };
      })}
    />
  );
};
