import { useNavigate } from 'react-router';
import { Form, Select, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import { isOneOf, ORDER_STATUSES, type OrderSummary } from '../api/types';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { useUrlState } from '../app/url-state';
import { shortId, formatTime, money } from '../app/format';
import { ORDER_STATUS, OrderStatusTag } from '../app/status-tags';
import { useI18n } from '../i18n';
import { useBuyerOrders } from '../orders/hooks';
import { AppLink } from '../app/app-link';

/** 已购服务: own orders with the buyer's status name, filtered by status, paged by cursor. */
export default function PurchaseList() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(['status']);
  const status = isOneOf(ORDER_STATUSES, url.status) ? url.status : undefined;
  const list = useBuyerOrders(status);
  const columns: PrimaryTableCol<OrderSummary>[] = [
    { colKey: 'orderId', title: t('orders.orderId'), className: 'nowrap', cell: ({ row }) => <AppLink to={`/buyer/orders/${row.orderId}`} aria-label={`${t('orders.orderId')} ${row.orderId}`}>{shortId(row.orderId)}</AppLink> },
    { colKey: 'product', title: t('orders.product'), ellipsis: true, width: 200, cell: ({ row }) => row.product.name },
    { colKey: 'plan', title: t('orders.plan'), className: 'nowrap', cell: ({ row }) => `${row.product.plan.name} × ${row.quantity}` },
    { colKey: 'amount', title: t('orders.amount'), align: 'right', className: 'nowrap', cell: ({ row }) => money(row.amount, lang) },
    { colKey: 'status', title: t('purchases.myStatus'), className: 'nowrap', cell: ({ row }) => <OrderStatusTag order={row} side="buyer" /> },
    { colKey: 'createdAt', title: t('orders.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      cell: ({ row }) => (
        <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/buyer/orders/${row.orderId}`)} aria-label={`${t('purchases.view')} ${row.product.name} ${shortId(row.orderId)}`}>
          {t('purchases.view')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="purchases-title">
      <div className="page-header">
        <h1 id="purchases-title">{t('purchases.title')}</h1>
      </div>
      <Form layout="inline" labelAlign="top" className="filters">
        <Field label={t('common.status')}>
          <Select
            clearable
            value={status}
            placeholder={t('common.all')}
            onChange={(v) => setUrl({ status: isOneOf(ORDER_STATUSES, v) ? v : undefined })}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(ORDER_STATUS[s].buyer) }))}
          />
        </Field>
      </Form>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="orderId"
        caption={t('purchases.title')}
        search={(row) => `${row.orderId} ${row.product.name} ${row.product.plan.name}`}
        sorters={{ amount: (row) => row.amount, createdAt: (row) => row.createdAt }}
      />
    </section>
  );
}
