import { useParams } from 'react-router';
import { Card, Loading, Space } from 'tdesign-react';
import { ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { OrderConversation } from '../orders/order-conversation';
import { OrderStatusTag } from '../app/status-tags';
import { useOrder } from '../orders/hooks';
import { DeliveryView, OrderTimeline, RequirementsView } from '../orders/components';
import { OrderNotices, OrderSummary } from '../purchases/purchase-detail';
import { ResolveDialog } from './resolve-dialog';
import { AppLink } from '../app/app-link';

/** An order as the operator sees it: the whole record and conversation, and 裁决 while it is disputed. */
export default function OperatorOrderView() {
  const { orderId } = useParams();
  const { t } = useI18n();
  const q = useOrder(orderId);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <ProblemAlert error={q.error} />;
  const order = q.data;
  const disputed = order.status === 'disputed';
  return (
    <section aria-labelledby="order-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <AppLink to={disputed ? '/operator/appeals' : '/operator/search'}>← {disputed ? t('appeals.title') : t('search.title')}</AppLink>
          <Space align="center" breakLine>
            <h1 id="order-title">{order.product.name}</h1>
            <OrderStatusTag order={order} side="provider" size="large" />
          </Space>
        </Space>
        {disputed && <ResolveDialog orderId={order.orderId} />}
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <OrderNotices order={order} />
        <div className="two-columns">
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('order.summary')} bordered>
              <OrderSummary order={order} />
            </Card>
            <RequirementsView order={order} />
            <DeliveryView order={order} />
          </Space>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('conversation.title')} bordered>
              <OrderConversation order={order} canWrite={disputed} />
            </Card>
            <OrderTimeline order={order} />
          </Space>
        </div>
      </Space>
    </section>
  );
}
