import { formatTime } from '../app/format';
import { useNavigate } from 'react-router';
import { Form, Select, Space, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import { isOneOf, PRODUCT_STATUSES, SERVICE_TYPES, type ProductRow } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { useMemberMay } from '../app/member-roles';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { useUrlState } from '../app/url-state';
import { useI18n } from '../i18n';
import { productPagePath } from './paths';
import { useDeleteProduct, useDelistProduct, useOwnProducts, useSubmitProduct, useWithdrawProduct, type ProductFilters } from './hooks';
import { PRODUCT_STATUS, ProductStatusTag } from '../app/status-tags';
import { AppLink } from '../app/app-link';

/**
 * The row actions of the guide: exactly those the API lists as allowed now (`actions`, from the product state
 * machine), so nothing offered is refused. 上架 of a delisted product is its 修改 (then 提交).
 */
export const RowActions = ({ p }: { p: ProductRow }) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmitProduct();
  const withdraw = useWithdrawProduct();
  const delist = useDelistProduct();
  const remove = useDeleteProduct();
  // a member whose role does not manage products reads them only
  const editor = useMemberMay('products');
  const may = (action: ProductRow['actions'][number]) => editor && p.actions.includes(action);
  const name = p.draft?.name ?? p.live?.name ?? '';
  const inReview = p.reviewState === 'in_review';
  return (
    <Space size={4} breakLine>
      <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/provider/products/${p.productId}`)}>
        {t('products.detail')}
      </Button>
      {may('edit') && (
        <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/provider/products/${p.productId}/edit`)}>
          {p.status === 'delisted' ? t('products.relist') : t('products.edit')}
        </Button>
      )}
      {(p.draft ?? p.live)?.delivery === 'code' && (
        <Button variant="text" theme="primary" size="small" onClick={() => navigate(`/provider/products/${p.productId}/codes`)}>
          {t('codesPage.manage')}
        </Button>
      )}
      {p.status === 'listed' && (
        <Button variant="text" theme="primary" size="small" onClick={() => window.open(productPagePath(p.productId), '_blank', 'noopener')}>
          {t('products.view')}
        </Button>
      )}
      {may('submit') && (
        <ConfirmAction variant="text" size="small" label={t('products.submit')} title={`${t('products.submit')} · ${name}`} body={t('products.submitConfirm')} command={submit} vars={p.productId} />
      )}
      {may('withdraw') && (
        <ConfirmAction variant="text" size="small" label={t('products.withdraw')} title={`${t('products.withdraw')} · ${name}`} body={t('products.withdrawConfirm')} command={withdraw} vars={p.productId} />
      )}
      {may('delist') && (
        <ConfirmAction
          variant="text"
          theme="danger"
          size="small"
          label={t('products.delist')}
          title={`${t('products.delist')} · ${name}`}
          body={inReview ? `${t('products.delistConfirm')} ${t('products.delistWithdraws')}` : t('products.delistConfirm')}
          command={delist}
          vars={p.productId}
        />
      )}
      {may('delete') && (
        <ConfirmAction variant="text" theme="danger" size="small" label={t('products.delete')} title={`${t('products.delete')} · ${name}`} body={t('products.deleteConfirm')} command={remove} vars={p.productId} />
      )}
    </Space>
  );
};

/** 商品管理: own products by service type and status (kept in the address), with the guide's row actions. */
export default function ProductList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [url, setUrl] = useUrlState(['type', 'status']);
  const filters: ProductFilters = {
    serviceType: isOneOf(SERVICE_TYPES, url.type) ? url.type : undefined,
    status: isOneOf(PRODUCT_STATUSES, url.status) ? url.status : undefined,
  };
  const list = useOwnProducts(filters);
  const editor = useMemberMay('products');
  const name = (row: ProductRow) => row.draft?.name ?? row.live?.name ?? '';
  const columns: PrimaryTableCol<ProductRow>[] = [
    {
      colKey: 'name',
      title: t('products.name'),
      ellipsis: true,
      width: 220,
      cell: ({ row }) => <AppLink to={`/provider/products/${row.productId}`}>{name(row)}</AppLink>,
    },
    { colKey: 'serviceType', title: t('products.serviceType'), className: 'nowrap', cell: ({ row }) => t(`type.${(row.draft ?? row.live)!.serviceType}`) },
    {
      colKey: 'status',
      title: t('common.status'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Space size={4}>
          <ProductStatusTag status={row.status} />
          {row.revision && (
            <span style={{ fontSize: 12, color: 'var(--td-text-color-secondary)' }}>
              {t('products.pendingRevision')}: {t(`status.${row.revision.status}`)}
            </span>
          )}
        </Space>
      ),
    },
    { colKey: 'version', title: t('products.version'), className: 'nowrap' },
    { colKey: 'updatedAt', title: t('common.updatedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.updatedAt) },
    { colKey: 'actions', title: t('common.actions'), className: 'nowrap', cell: ({ row }) => <RowActions p={row} /> },
  ];
  return (
    <section aria-labelledby="products-title">
      <div className="page-header">
        <h1 id="products-title">{t('products.title')}</h1>
        {editor && <Button onClick={() => navigate('/provider/products/new')}>{t('products.new')}</Button>}
      </div>
      <Form layout="inline" labelAlign="top" className="filters">
        <Field label={t('products.serviceType')}>
          <Select
            clearable
            value={filters.serviceType}
            placeholder={t('common.all')}
            onChange={(v) => setUrl({ type: isOneOf(SERVICE_TYPES, v) ? v : undefined })}
            options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
          />
        </Field>
        <Field label={t('common.status')}>
          <Select
            clearable
            value={filters.status}
            placeholder={t('common.all')}
            onChange={(v) => setUrl({ status: isOneOf(PRODUCT_STATUSES, v) ? v : undefined })}
            options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(PRODUCT_STATUS[s].label) }))}
          />
        </Field>
      </Form>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="productId"
        caption={t('products.title')}
        search={name}
        sorters={{ name, version: (row) => row.version, updatedAt: (row) => row.updatedAt }}
      />
    </section>
  );
}
