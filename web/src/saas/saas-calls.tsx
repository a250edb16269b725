import { Card, Space, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { SaasCall } from '../api/types';
import { AppLink } from '../app/app-link';
import { Button } from '../app/button';
import { CursorTable } from '../app/cursor-table';
import { formatTime } from '../app/format';
import { ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { useResendSaasCall, useSaasCalls } from './hooks';

const STATUS_THEME = { succeeded: 'success', failed: 'danger', sending: 'warning' } as const;

/** The SaaS call log: every call of the organisation's SaaS orders, newest first, with 重新发送 for failed ones. */
export default function SaasCalls() {
  const { t } = useI18n();
  const calls = useSaasCalls();
  const resend = useResendSaasCall();
  const columns: PrimaryTableCol<SaasCall>[] = [
    { colKey: 'createdAt', title: t('common.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    { colKey: 'action', title: t('saas.action'), className: 'nowrap', cell: ({ row }) => <code>{row.action}</code> },
    {
      colKey: 'orderId',
      title: t('saas.order'),
      cell: ({ row }) => (row.orderId ? <AppLink to={`/provider/orders/${row.orderId}`}>{row.orderId}</AppLink> : '—'),
    },
    {
      colKey: 'status',
      title: t('common.status'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Tag theme={STATUS_THEME[row.status]} variant="light">
          {t(`saas.status.${row.status}`)}
          {row.httpStatus ? ` · ${row.httpStatus}` : ''}
        </Tag>
      ),
    },
    { colKey: 'latencyMs', title: t('saas.latencyTitle'), className: 'nowrap', cell: ({ row }) => t('saas.latency', { ms: String(row.latencyMs) }) },
    { colKey: 'signId', title: 'signId', cell: ({ row }) => (row.signId ? <code>{row.signId}</code> : '—') },
    { colKey: 'error', title: t('saas.error'), cell: ({ row }) => row.error ?? '—' },
    { colKey: 'attempts', title: t('webhooks.attempts'), cell: ({ row }) => row.attempts },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) =>
        row.status === 'failed' ? (
          <Button size="small" variant="text" theme="primary" disabled={resend.isPending} onClick={() => resend.mutate(row.callId)}>
            {t('saas.resend')}
          </Button>
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="saas-calls-title">
      <div className="page-header">
        <h1 id="saas-calls-title">{t('saas.callsTitle')}</h1>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Card bordered>
          {resend.error ? <ProblemAlert error={resend.error} /> : null}
          <CursorTable list={calls} columns={columns} rowKey="callId" caption={t('saas.callsTitle')} />
        </Card>
      </Space>
    </section>
  );
}
