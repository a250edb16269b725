import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DateRangePicker, Form, Input, MessagePlugin, Select, Space, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import { isOneOf, ORDER_STATUSES, type OrderSummary } from '../api/types';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { rangeParam, rangeValue, useUrlState } from '../app/url-state';
import { ProblemAlert } from '../app/problem';
import { ORDER_STATUS, OrderStatusTag } from '../app/status-tags';
import { useProductOptions } from '../products/hooks';
import { useI18n } from '../i18n';
import { formatTime, money } from '../app/format';
import { useMemberMay } from '../app/member-roles';
import { downloadExport, fetchOrder, useProviderOrders, type ProviderOrderFilters } from './hooks';
import { AppLink } from '../app/app-link';

/** A date range picked in local days, sent as instants: the start of the first day to the end of the last. */
const range = (v: unknown): [string | undefined, string | undefined] => {
  const [from, to] = Array.isArray(v) ? v.map(String) : [];
  if (!from || !to) return [undefined, undefined];
  return [new Date(`${from}T00:00:00`).toISOString(), new Date(`${to}T23:59:59.999`).toISOString()];
};

/** 订单管理: the guide's filters (status, product, purchase and completion time, order number; kept in the address) and export. */
export default function OrderList() {
  const { t, lang } = useI18n();
  // the export is the finance role's (and the administrator's)
  const mayExport = useMemberMay('finance');
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(['status', 'product', 'created', 'completed']);
  const created = rangeParam(url.created);
  const completed = rangeParam(url.completed);
  const filters: ProviderOrderFilters = {
    status: isOneOf(ORDER_STATUSES, url.status) ? url.status : undefined,
    productId: url.product,
    ...(([createdFrom, createdTo]) => ({ createdFrom, createdTo }))(range(created)),
    ...(([completedFrom, completedTo]) => ({ completedFrom, completedTo }))(range(completed)),
  };
  const [orderNo, setOrderNo] = useState('');
  const [lookupError, setLookupError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const list = useProviderOrders(filters);
  const products = useProductOptions();

  const lookup = async () => {
    const id = orderNo.trim();
    if (!id) return;
    setLookupError(undefined);
    try {
      const order = await fetchOrder(id);
      navigate(`/provider/orders/${order.orderId}`);
    } catch (err) {
      setLookupError(err);
    }
  };
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await downloadExport(filters);
      void MessagePlugin.success(t('common.done'));
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: PrimaryTableCol<OrderSummary>[] = [
    {
      colKey: 'orderId',
      title: t('orders.orderId'),
      width: 265,
      className: 'nowrap',
      cell: ({ row }) => (
        <AppLink className="mono" to={`/provider/orders/${row.orderId}`}>
          {row.orderId}
        </AppLink>
      ),
    },
    { colKey: 'product', title: t('orders.product'), ellipsis: true, cell: ({ row }) => `${row.product.name} · ${row.product.plan.name} × ${row.quantity}` },
    { colKey: 'buyer', title: t('orders.buyer'), width: 120, ellipsis: true, cell: ({ row }) => row.buyer?.displayName ?? '—' },
    { colKey: 'amount', title: t('orders.amount'), width: 110, className: 'nowrap', cell: ({ row }) => money(row.amount, lang) },
    { colKey: 'status', title: t('orders.providerLabel'), width: 215, className: 'nowrap', cell: ({ row }) => <OrderStatusTag order={row} side="provider" /> },
    {
      // purchase and completion time in one column, one line each: the list fits 1280 px in both languages
      colKey: 'createdAt',
      title: t('orders.times'),
      width: 170,
      className: 'nowrap',
      cell: ({ row }) => (
        <div className="time-lines">
          <div title={t('orders.createdAt')}>{formatTime(row.createdAt)}</div>
          {row.completedAt && (
            <div className="muted" title={t('orders.completedAt')}>
              {formatTime(row.completedAt)}
            </div>
          )}
        </div>
      ),
    },
    {
      colKey: 'actions',
      title: t('common.actions'),
      width: 90,
      className: 'nowrap',
      cell: ({ row }) => (
        <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/provider/orders/${row.orderId}`)}>
          {t('products.detail')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="orders-title">
      <div className="page-header">
        <h1 id="orders-title">{t('orders.title')}</h1>
        {mayExport && (
          <Button variant="outline" loading={exporting} disabled={exporting} onClick={() => void exportCsv()}>
            {t('orders.export')}
          </Button>
        )}
      </div>
      {exportError ? <ProblemAlert error={exportError} /> : null}
      <Form layout="inline" labelAlign="top" className="filters" onSubmit={() => void lookup()} preventSubmitDefault>
        <Field label={t('common.status')}>
          <Select
            clearable
            value={filters.status}
            placeholder={t('common.all')}
            onChange={(v) => setUrl({ status: isOneOf(ORDER_STATUSES, v) ? v : undefined })}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(ORDER_STATUS[s].provider) }))}
          />
        </Field>
        <Field label={t('orders.product')}>
          <Select
            clearable
            filterable
            value={filters.productId}
            placeholder={t('orders.product.all')}
            loading={products.isLoading}
            onChange={(v) => setUrl({ product: typeof v === 'string' && v ? v : undefined })}
            options={(products.data?.items ?? []).map((p) => ({ value: p.productId, label: p.live?.name ?? p.draft?.name ?? p.productId }))}
          />
        </Field>
        <Field label={t('orders.createdRange')}>
          <DateRangePicker
            clearable
            value={created}
            onChange={(v) => setUrl({ created: rangeValue(v) })}
          />
        </Field>
        <Field label={t('orders.completedRange')}>
          <DateRangePicker
            clearable
            value={completed}
            onChange={(v) => setUrl({ completed: rangeValue(v) })}
          />
        </Field>
        <Field label={t('orders.orderId')}>
          <Space size={4}>
            <Input value={orderNo} onChange={(v) => setOrderNo(String(v))} placeholder={t('orders.lookup')} onEnter={() => void lookup()} />
            <Button type="submit" variant="outline" disabled={!orderNo.trim()}>
              {t('common.search')}
            </Button>
          </Space>
        </Field>
      </Form>
      {lookupError ? <ProblemAlert error={lookupError} /> : null}
      <CursorTable
        list={list}
        columns={columns}
        rowKey="orderId"
        caption={t('orders.title')}
        contentWidth="1000px"
        search={(row) => `${row.orderId} ${row.product.name} ${row.product.plan.name}`}
        sorters={{ amount: (row) => row.amount, createdAt: (row) => row.createdAt }}
      />
    </section>
  );
}
