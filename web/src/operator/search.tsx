import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DateRangePicker, Form, Input, Select, Space, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import { Tabs } from '../app/tabs';
import { isOneOf, ORDER_STATUSES, PRODUCT_STATUSES, SERVICE_TYPES, type OrderSummary, type ProductRow } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { rangeParam, rangeValue, useUrlState } from '../app/url-state';
import { fieldErrors } from '../app/problem';
import { shortId, formatTime, money } from '../app/format';
import { ORDER_STATUS, OrderStatusTag, PRODUCT_STATUS, ProductStatusTag } from '../app/status-tags';
import { useI18n } from '../i18n';
import { useOperatorOrders, useOperatorProducts, useTakedown, type OrderSearch, type ProductSearch } from './hooks';

/** 查询 and 重置, the end of both search forms. */
const SearchButtons = () => {
  const { t } = useI18n();
  return (
    <Space>
      <Button type="submit">{t('common.search')}</Button>
      <Button type="reset" variant="outline">
        {t('common.reset')}
      </Button>
    </Space>
  );
};

/** A free-text filter (an order number, an organisation, an email) with the API's complaint about it beneath. */
const TextFilter = ({ label, value, onChange, error, placeholder }: { label: string; value?: string; onChange: (v: string) => void; error?: string; placeholder?: string }) => (
  <Field label={label} error={error}>
    <Input value={value ?? ''} onChange={(v) => onChange(String(v))} placeholder={placeholder} clearable />
  </Field>
);

const productName = (row: ProductRow) => row.live?.name ?? row.draft?.name ?? '';

/** A typed filter as sent: trimmed, and left out when blank. */
const blank = (v?: string) => v?.trim() || undefined;

/**
 * What an operator types to name an organisation, as the API's filter: a whole email names its member's
 * organisations, 18 letters and digits a credit code, anything else the start of the name.
 */
const providerFilter = (text?: string): Pick<OrderSearch, 'providerName' | 'creditCode' | 'providerEmail'> => {
  const v = blank(text);
  if (!v) return {};
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return { providerEmail: v };
  if (/^[0-9A-Za-z]{18}$/.test(v)) return { creditCode: v.toUpperCase() };
  return { providerName: v };
};

/** The API's complaint about whichever filter the organisation's text became. */
const providerError = (errors: Record<string, string | undefined>) => errors.providerName ?? errors.creditCode ?? errors.providerEmail ?? errors.providerId;

/** Order search: order number, organisation (name, credit code or member email), buyer email, status, purchase-time range. */
const OrderSearchPanel = () => {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // the search applied is kept in the address; the form edits a draft of it until 查询
  const [url, setUrl] = useUrlState(['orderId', 'provider', 'buyer', 'status', 'created']);
  const applied = rangeParam(url.created);
  const filters: OrderSearch = {
    status: isOneOf(ORDER_STATUSES, url.status) ? url.status : undefined,
    orderId: url.orderId,
    ...providerFilter(url.provider),
    buyerEmail: blank(url.buyer),
    createdFrom: applied[0] ? new Date(`${applied[0]}T00:00:00`).toISOString() : undefined,
    createdTo: applied[1] ? new Date(`${applied[1]}T23:59:59.999`).toISOString() : undefined,
  };
  // the form's draft holds the texts as typed: the organisation's (name, code or email) and the buyer's email
  const [draft, setDraft] = useState<{ status?: OrderSearch['status']; orderId?: string; provider?: string; buyer?: string }>({
    status: filters.status,
    orderId: url.orderId,
    provider: url.provider,
    buyer: url.buyer,
  });
  const [range, setRange] = useState<string[]>(applied);
  const list = useOperatorOrders(filters);
  const apply = () =>
    setUrl({ status: draft.status, orderId: blank(draft.orderId), provider: blank(draft.provider), buyer: blank(draft.buyer), created: rangeValue(range) });
  const columns: PrimaryTableCol<OrderSummary>[] = [
    { colKey: 'orderId', title: t('orders.orderId'), className: 'nowrap', cell: ({ row }) => <code title={row.orderId}>{shortId(row.orderId)}</code> },
    { colKey: 'product', title: t('orders.product'), ellipsis: true, width: 200, cell: ({ row }) => row.product.name },
    { colKey: 'amount', title: t('orders.amount'), align: 'right', className: 'nowrap', cell: ({ row }) => money(row.amount, lang) },
    { colKey: 'status', title: t('common.status'), className: 'nowrap', cell: ({ row }) => <OrderStatusTag order={row} side="provider" /> },
    { colKey: 'providerName', title: t('search.provider'), ellipsis: true, width: 160, cell: ({ row }) => row.providerName ?? '—' },
    { colKey: 'buyer', title: t('orders.buyer'), ellipsis: true, width: 120, cell: ({ row }) => row.buyer?.displayName ?? '—' },
    { colKey: 'createdAt', title: t('orders.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/operator/orders/${row.orderId}`)} aria-label={`${t('search.view')} ${shortId(row.orderId)}`}>
          {t('search.view')}
        </Button>
      ),
    },
  ];
  const errors = fieldErrors(list.error);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" labelAlign="top" className="filters" onSubmit={apply} preventSubmitDefault onReset={() => { setDraft({}); setRange([]); setUrl({ status: undefined, orderId: undefined, provider: undefined, buyer: undefined, created: undefined }); }}>
        <TextFilter label={t('search.orderId')} value={draft.orderId} onChange={(orderId) => setDraft((d) => ({ ...d, orderId }))} error={errors.orderId} />
        <TextFilter label={t('search.provider')} placeholder={t('search.providerPlaceholder')} value={draft.provider} onChange={(provider) => setDraft((d) => ({ ...d, provider }))} error={providerError(errors)} />
        <TextFilter label={t('search.buyerEmail')} value={draft.buyer} onChange={(buyer) => setDraft((d) => ({ ...d, buyer }))} error={errors.buyerEmail ?? errors.buyerId} />
        <Field label={t('common.status')}>
          <Select
            clearable
            value={draft.status}
            placeholder={t('common.all')}
            onChange={(v) => setDraft((d) => ({ ...d, status: isOneOf(ORDER_STATUSES, v) ? v : undefined }))}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(ORDER_STATUS[s].provider) }))}
          />
        </Field>
        <Field label={t('search.createdRange')} error={errors.createdTo ?? errors.createdFrom}>
          <DateRangePicker value={range} onChange={(v) => setRange(Array.isArray(v) ? v.map(String) : [])} clearable valueType="YYYY-MM-DD" />
        </Field>
        <SearchButtons />
      </Form>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="orderId"
        caption={t('search.orders')}
        search={(row) => `${row.orderId} ${row.product.name} ${row.providerName ?? ''} ${row.buyer?.displayName ?? ''}`}
        sorters={{ amount: (row) => row.amount, createdAt: (row) => row.createdAt }}
      />
    </Space>
  );
};

/** Product search: status, organisation (name, credit code or member email), service type; 违规下架 of a listed product with a reason. */
const ProductSearchPanel = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(['pstatus', 'pprovider', 'ptype']);
  const filters: ProductSearch = {
    status: isOneOf(PRODUCT_STATUSES, url.pstatus) ? url.pstatus : undefined,
    ...providerFilter(url.pprovider),
    serviceType: isOneOf(SERVICE_TYPES, url.ptype) ? url.ptype : undefined,
  };
  const [draft, setDraft] = useState<{ status?: ProductSearch['status']; provider?: string; serviceType?: ProductSearch['serviceType'] }>({
    status: filters.status,
    provider: url.pprovider,
    serviceType: filters.serviceType,
  });
  const list = useOperatorProducts(filters);
  const takedown = useTakedown();
  const columns: PrimaryTableCol<ProductRow>[] = [
    { colKey: 'name', title: t('search.productName'), ellipsis: true, width: 220, cell: ({ row }) => productName(row) },
    { colKey: 'serviceType', title: t('products.serviceType'), className: 'nowrap', cell: ({ row }) => t(`type.${(row.live ?? row.draft)!.serviceType}`) },
    { colKey: 'status', title: t('common.status'), className: 'nowrap', cell: ({ row }) => <ProductStatusTag status={row.status} /> },
    { colKey: 'providerName', title: t('search.provider'), ellipsis: true, width: 160, cell: ({ row }) => row.providerName ?? '—' },
    { colKey: 'updatedAt', title: t('common.updatedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.updatedAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => {
        const name = row.live?.name ?? row.draft?.name ?? '';
        return (
          <Space size={4} breakLine>
            {row.status === 'listed' && (
              <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/catalog/${row.productId}`)} aria-label={`${t('search.view')} ${name}`}>
                {t('search.view')}
              </Button>
            )}
            {row.status === 'listed' && (
              <ConfirmAction
                variant="text"
                theme="danger"
                size="small"
                label={t('search.takedown')}
                title={`${t('search.takedown')} · ${name}`}
                body={t('search.takedownBody')}
                command={takedown}
                input={{ label: t('products.reason'), field: 'reason', required: true }}
                vars={(reason: string) => ({ productId: row.productId, body: { reason } })}
              />
            )}
          </Space>
        );
      },
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" labelAlign="top" className="filters" onSubmit={() => setUrl({ pstatus: draft.status, pprovider: blank(draft.provider), ptype: draft.serviceType })} preventSubmitDefault onReset={() => { setDraft({}); setUrl({ pstatus: undefined, pprovider: undefined, ptype: undefined }); }}>
        <Field label={t('common.status')}>
          <Select
            clearable
            value={draft.status}
            placeholder={t('common.all')}
            onChange={(v) => setDraft((d) => ({ ...d, status: isOneOf(PRODUCT_STATUSES, v) ? v : undefined }))}
            options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(PRODUCT_STATUS[s].label) }))}
          />
        </Field>
        <TextFilter label={t('search.provider')} placeholder={t('search.providerPlaceholder')} value={draft.provider} onChange={(provider) => setDraft((d) => ({ ...d, provider }))} error={providerError(fieldErrors(list.error))} />
        <Field label={t('products.serviceType')}>
          <Select
            clearable
            value={draft.serviceType}
            placeholder={t('common.all')}
            onChange={(v) => setDraft((d) => ({ ...d, serviceType: isOneOf(SERVICE_TYPES, v) ? v : undefined }))}
            options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
          />
        </Field>
        <SearchButtons />
      </Form>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="productId"
        caption={t('search.products')}
        prefix="p"
        search={productName}
        sorters={{ name: productName, updatedAt: (row) => row.updatedAt }}
      />
    </Space>
  );
};

/** 订单与商品查询 for the operator, with 违规下架. */
export default function OperatorSearch() {
  const { t } = useI18n();
  const [url, setUrl] = useUrlState(['tab']);
  const tab = url.tab === 'products' ? 'products' : 'orders';
  return (
    <section aria-labelledby="search-title">
      <div className="page-header">
        <h1 id="search-title">{t('search.title')}</h1>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => setUrl({ tab: v === 'products' ? 'products' : undefined })}
        list={[
          { value: 'orders', label: t('search.orders'), panel: <div style={{ paddingTop: 16 }}><OrderSearchPanel /></div> },
          { value: 'products', label: t('search.products'), panel: <div style={{ paddingTop: 16 }}><ProductSearchPanel /></div> },
        ]}
      />
    </section>
  );
}
