import { formatTime } from '../app/format';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card, Loading, Space } from 'tdesign-react';
import { InfoList } from '../app/info-list';
import { Button } from '../app/button';
import { ConfirmAction } from '../app/confirm-action';
import { PageError } from '../app/result-page';
import { OrderStatusTag } from '../app/status-tags';
import { useI18n } from '../i18n';
import { money } from '../products/content-view';
import { DeliveryView, OrderTimeline, RequirementsView } from './components';
import { OrderConversation } from './order-conversation';
import { useCompleteOrder, useOrder, useRejectRequirements, useStartOrder, useUrgeOrder } from './hooks';
import { offer } from './actions';
import { AttachmentUpload } from './attachment-upload';
import { OrderRating } from './order-rating';
import { SaasInstanceCard } from '../purchases/saas-instance';

/** The provider's order detail: requirements, the guide's buttons with their confirmations, conversation, record. */
export default function OrderDetail() {
  const { orderId } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const q = useOrder(orderId);
  const start = useStartOrder();
  const complete = useCompleteOrder();
  const urge = useUrgeOrder();
  const rejectRequirements = useRejectRequirements();
  // 实施完成's attachments, uploaded to the order while the dialog is open
  const [delivered, setDelivered] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <PageError error={q.error} />;
  const o = q.data;
  const id = o.orderId;
  return (
    <section aria-labelledby="order-title">
      <div className="page-header">
        <Space align="center" breakLine>
          <h1 id="order-title">
            {t('orders.detail')} · {o.product.name}
          </h1>
          <OrderStatusTag order={o} side="provider" />
        </Space>
        <Space breakLine>
          {offer(o, 'start').shown && (
            <ConfirmAction label={t('orders.start')} body={t('orders.startConfirm')} command={start} vars={{ orderId: id }} refusal={offer(o, 'start').refusal} />
          )}
          {offer(o, 'reject-requirements').shown && !offer(o, 'reject-requirements').refusal && (
            <ConfirmAction
              label={t('orders.rejectRequirements')}
              theme="danger"
              variant="outline"
              body={t('orders.rejectRequirementsConfirm')}
              command={rejectRequirements}
              vars={(reason: string) => ({ orderId: id, body: { reason } })}
              input={{ label: t('orders.reason'), field: 'reason', required: true }}
            />
          )}
          {offer(o, 'complete').shown && (
            <ConfirmAction
              label={t('orders.complete')}
              body={t('orders.completeConfirm')}
              command={complete}
              refusal={offer(o, 'complete').refusal}
              vars={(note: string) => ({ orderId: id, body: { note, ...(delivered.length ? { attachments: delivered } : {}) } })}
              input={{ label: t('orders.note'), field: 'note', required: true }}
              busy={uploading}
              onClose={() => setDelivered([])}
              extra={<AttachmentUpload orderId={id} label={t('conversation.attach')} onChange={setDelivered} onUploading={setUploading} />}
            />
          )}
          {offer(o, 'urge').shown && (
            <ConfirmAction label={t('orders.urge')} variant="outline" body={t('orders.urgeConfirm')} command={urge} vars={{ orderId: id }} refusal={offer(o, 'urge').refusal} />
          )}
          <Button variant="outline" onClick={() => navigate('/provider/orders')}>
            {t('common.back')}
          </Button>
        </Space>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Card bordered title={t('orders.summary')}>
          <InfoList
            column={2}
            items={[
              { label: t('orders.orderId'), content: <span className="mono nowrap">{id}</span> },
              { label: t('orders.product'), content: o.product.name },
              { label: t('orders.plan'), content: `${o.product.plan.name} × ${o.quantity}` },
              { label: t('orders.amount'), content: money(o.amount, lang) },
              ...(o.buyer ? [{ label: t('orders.buyer'), content: [o.buyer.displayName, o.buyer.phone, o.buyer.email].filter(Boolean).join(' · ') }] : []),
              { label: t('common.status'), content: o.labels.provider },
              { label: t('orders.createdAt'), content: formatTime(o.createdAt) },
              { label: t('orders.completedAt'), content: formatTime(o.completedAt) },
              ...(o.lastUrgedAt ? [{ label: t('orders.urgedAt'), content: formatTime(o.lastUrgedAt) }] : []),
            ]}
          />
        </Card>
        <div className="two-columns">
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <RequirementsView order={o} />
            <DeliveryView order={o} />
            <SaasInstanceCard order={o} />
            {o.review && (
              <Card bordered title={t('order.review')}>
                <OrderRating order={o} side="provider" />
              </Card>
            )}
            <Card bordered title={t('conversation.title')}>
              <OrderConversation order={o} />
            </Card>
          </Space>
          <OrderTimeline order={o} side="provider" />
        </div>
      </Space>
    </section>
  );
}
