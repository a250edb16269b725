import { useNavigate } from 'react-router';
import { type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import type { OrderSummary } from '../api/types';
import { CursorTable } from '../app/cursor-table';
import { shortId, formatTime, money } from '../app/format';
import { useI18n } from '../i18n';
import { actorName } from '../orders/components';
import { useOperatorOrders } from './hooks';

/** 申诉处理: disputed orders, oldest appeal first (`GET /operator/orders?status=disputed`). */
export default function AppealQueue() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const list = useOperatorOrders({ status: 'disputed' });
  const columns: PrimaryTableCol<OrderSummary>[] = [
    { colKey: 'orderId', title: t('orders.orderId'), className: 'nowrap', cell: ({ row }) => <code title={row.orderId}>{shortId(row.orderId)}</code> },
    { colKey: 'product', title: t('orders.product'), ellipsis: true, width: 200, cell: ({ row }) => row.product.name },
    { colKey: 'providerName', title: t('search.provider'), ellipsis: true, width: 160, cell: ({ row }) => row.providerName ?? '—' },
    { colKey: 'buyer', title: t('orders.buyer'), ellipsis: true, width: 120, cell: ({ row }) => row.buyer?.displayName ?? '—' },
    { colKey: 'amount', title: t('orders.amount'), align: 'right', className: 'nowrap', cell: ({ row }) => money(row.amount, lang) },
    { colKey: 'by', title: t('appeals.by'), className: 'nowrap', cell: ({ row }) => (row.appeal ? actorName(row.appeal, t) : '—') },
    { colKey: 'reason', title: t('appeals.reason'), ellipsis: true, width: 240, cell: ({ row }) => row.appeal?.reason ?? '—' },
    { colKey: 'at', title: t('appeals.appealedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.appeal?.at) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Button size="small" onClick={() => navigate(`/operator/orders/${row.orderId}`)} aria-label={`${t('appeals.open')} ${row.product.name} ${shortId(row.orderId)}`}>
          {t('appeals.open')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="appeals-title">
      <div className="page-header">
        <h1 id="appeals-title">{t('appeals.title')}</h1>
      </div>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="orderId"
        caption={t('appeals.title')}
        search={(row) => `${row.orderId} ${row.product.name} ${row.providerName ?? ''} ${row.buyer?.displayName ?? ''} ${row.appeal?.reason ?? ''}`}
        sorters={{ amount: (row) => row.amount, at: (row) => row.appeal?.at }}
      />
    </section>
  );
}
