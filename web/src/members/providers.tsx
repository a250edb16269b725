import { useState } from 'react';
import { Form, Input, Select, Space, Tag, Tooltip, type PrimaryTableCol } from 'tdesign-react';
import { isOneOf } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { fieldErrors } from '../app/problem';
import { useUrlState } from '../app/url-state';
import { Button } from '../app/button';
import { useI18n } from '../i18n';
import { useProviders, useReinstate, useSuspend, type Organisation, type ProviderSearch } from './hooks';

const STATUSES = ['active', 'suspended'] as const;

/**
 * 服务商管理: organisations by name prefix or credit code, and by status; 暂停 with a reason (its products
 * leave the catalogue) and 恢复.
 */
export default function Providers() {
  const { t } = useI18n();
  const [url, setUrl] = useUrlState(['name', 'creditCode', 'status']);
  const filters: ProviderSearch = {
    name: url.name,
    creditCode: url.creditCode,
    status: isOneOf(STATUSES, url.status) ? url.status : undefined,
  };
  const [draft, setDraft] = useState<ProviderSearch>(filters);
  const list = useProviders(filters);
  const suspend = useSuspend();
  const reinstate = useReinstate();
  const errors = fieldErrors(list.error);
  const columns: PrimaryTableCol<Organisation>[] = [
    { colKey: 'name', title: t('providers.name'), ellipsis: true, width: 220 },
    { colKey: 'creditCode', title: t('apply.creditCode'), className: 'nowrap', width: 190, cell: ({ row }) => <span className="mono">{row.creditCode ?? '—'}</span> },
    {
      colKey: 'contact',
      title: t('providers.contact'),
      ellipsis: true,
      width: 200,
      cell: ({ row }) => (row.contact ? `${row.contact.name} · ${row.contact.phone}` : '—'),
    },
    {
      colKey: 'status',
      title: t('common.status'),
      className: 'nowrap',
      width: 110,
      cell: ({ row }) =>
        row.status === 'suspended' ? (
          <Tooltip content={row.suspension?.reason}>
            <Tag theme="danger" variant="light">
              {t('providers.status.suspended')}
            </Tag>
          </Tooltip>
        ) : (
          <Tag theme="success" variant="light">
            {t('providers.status.active')}
          </Tag>
        ),
    },
    { colKey: 'createdAt', title: t('common.createdAt'), className: 'nowrap', width: 150, cell: ({ row }) => formatTime(row.createdAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      width: 100,
      cell: ({ row }) =>
        row.status === 'active' ? (
          <ConfirmAction
            label={t('providers.suspend')}
            title={`${t('providers.suspend')} ${row.name}`}
            theme="danger"
            variant="text"
            size="small"
            body={t('providers.suspendBody', { name: row.name })}
            command={suspend}
            input={{ label: t('products.reason'), field: 'reason', required: true }}
            vars={(reason: string) => ({ providerId: row.providerId, reason })}
            confirmLabel={t('providers.suspend')}
          />
        ) : (
          <ConfirmAction
            label={t('providers.reinstate')}
            title={`${t('providers.reinstate')} ${row.name}`}
            theme="primary"
            variant="text"
            size="small"
            body={
              <Space direction="vertical" size={4}>
                <span>{t('providers.reinstateBody', { name: row.name })}</span>
                {row.suspension && <span className="muted">{t('providers.suspendedFor', { reason: row.suspension.reason, at: formatTime(row.suspension.at) })}</span>}
              </Space>
            }
            command={reinstate}
            input={{ label: t('providers.reinstateReason'), field: 'reason' }}
            vars={(reason: string) => ({ providerId: row.providerId, reason: reason.trim() || undefined })}
            confirmLabel={t('providers.reinstate')}
          />
        ),
    },
  ];
  const apply = () => setUrl({ name: draft.name?.trim() || undefined, creditCode: draft.creditCode?.trim() || undefined, status: draft.status });
  return (
    <section aria-labelledby="providers-title">
      <div className="page-header">
        <h1 id="providers-title">{t('providers.title')}</h1>
      </div>
      <Form
        layout="inline"
        labelAlign="top"
        className="filters"
        onSubmit={apply}
        preventSubmitDefault
        onReset={() => {
          setDraft({});
          setUrl({ name: undefined, creditCode: undefined, status: undefined });
        }}
      >
        <Field label={t('providers.namePrefix')} error={errors.name}>
          <Input value={draft.name ?? ''} onChange={(v) => setDraft((d) => ({ ...d, name: String(v) }))} clearable />
        </Field>
        <Field label={t('apply.creditCode')} error={errors.creditCode}>
          <Input value={draft.creditCode ?? ''} onChange={(v) => setDraft((d) => ({ ...d, creditCode: String(v).toUpperCase() }))} clearable maxlength={18} />
        </Field>
        <Field label={t('common.status')} error={errors.status}>
          <Select
            clearable
            value={draft.status}
            placeholder={t('common.all')}
            onChange={(v) => setDraft((d) => ({ ...d, status: isOneOf(STATUSES, v) ? v : undefined }))}
            options={STATUSES.map((s) => ({ value: s, label: t(`providers.status.${s}`) }))}
          />
        </Field>
        <Space size={8} className="filter-buttons">
          <Button type="submit">{t('common.search')}</Button>
          <Button type="reset" variant="outline">
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="providerId"
        caption={t('providers.title')}
        search={(row) => `${row.name} ${row.creditCode ?? ''}`}
        sorters={{ name: (row) => row.name, createdAt: (row) => row.createdAt }}
        contentWidth="980px"
      />
    </section>
  );
}
