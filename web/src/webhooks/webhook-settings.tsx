import { useEffect, useState } from 'react';
import { Alert, Card, Form, Input, Loading, Space, Switch, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import type { Delivery } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { DELIVERY_STATUS, StatusTag } from '../app/status-tags';
import { useI18n } from '../i18n';
import { useDeleteWebhook, useDeliveries, useRedeliver, useSaveWebhook, useTestWebhook, useWebhook } from './hooks';

/** Webhook settings: the endpoint (secret shown once), enable/disable, test event, delivery log with redeliver. */
export default function WebhookSettings() {
  const { t } = useI18n();
  const hook = useWebhook();
  const deliveries = useDeliveries();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  useEffect(() => setUrl(hook.data?.url ?? ''), [hook.data?.url]);

  const save = useSaveWebhook(setSecret);
  const remove = useDeleteWebhook(() => setSecret(undefined));
  const test = useTestWebhook();
  const redeliver = useRedeliver();

  const errors = fieldErrors(save.error);
  const columns: PrimaryTableCol<Delivery>[] = [
    { colKey: 'createdAt', title: t('common.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    { colKey: 'eventType', title: t('webhooks.event'), className: 'nowrap', cell: ({ row }) => <code>{row.eventType}</code> },
    {
      colKey: 'status',
      title: t('common.status'),
      className: 'nowrap',
      cell: ({ row }) => <StatusTag entry={DELIVERY_STATUS[row.status]} suffix={row.responseCode ? ` · ${row.responseCode}` : ''} />,
    },
    { colKey: 'attempts', title: t('webhooks.attempts'), cell: ({ row }) => row.attemptCount },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) =>
        row.status === 'failed' || row.status === 'gone' ? (
          <Button size="small" variant="text" theme="primary" disabled={redeliver.isPending} onClick={() => redeliver.mutate(row.deliveryId)}>
            {t('webhooks.redeliver')}
          </Button>
        ) : null,
    },
  ];
  if (hook.isLoading) return <Loading loading text={t('common.loading')} />;
  return (
    <section aria-labelledby="webhook-title">
      <div className="page-header">
        <h1 id="webhook-title">{t('webhooks.title')}</h1>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {hook.error ? <ProblemAlert error={hook.error} /> : null}
        <Card bordered>
          {!hook.data && <p>{t('webhooks.none')}</p>}
          {hook.data?.disabledReason && <Alert theme="warning" message={hook.data.disabledReason} />}
          <Form labelAlign="top" onSubmit={() => url.trim() && save.mutate({ url: url.trim() })} preventSubmitDefault>
            <Field label={t('webhooks.url')} error={errors.url}>
              <Input value={url} onChange={(v) => setUrl(String(v))} placeholder="https://example.com/hooks/marketplace" />
            </Field>
            <Space breakLine align="center">
              <Button type="submit" loading={save.isPending} disabled={save.isPending || !url.trim()}>
                {t('webhooks.save')}
              </Button>
              {hook.data && (
                <>
                  <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                    <Switch
                      value={hook.data.enabled}
                      aria-checked={hook.data.enabled}
                      disabled={save.isPending}
                      aria-label={t('webhooks.enabled')}
                      onChange={(v) => save.mutate({ url: hook.data!.url, enabled: Boolean(v) })}
                    />
                    {t('webhooks.enabled')}
                  </label>
                  <Button variant="outline" loading={test.isPending} disabled={test.isPending} onClick={() => test.mutate(null)}>
                    {t('webhooks.test')}
                  </Button>
                  <ConfirmAction label={t('webhooks.delete')} theme="danger" variant="outline" body={t('webhooks.deleteConfirm')} command={remove} vars={null} />
                </>
              )}
            </Space>
          </Form>
          {save.error && !errors.url ? <ProblemAlert error={save.error} /> : null}
          {test.error ? <ProblemAlert error={test.error} /> : null}
          {secret && (
            <div style={{ marginTop: 16 }}>
              <Alert
                theme="success"
                title={t('webhooks.secret')}
                message={
                  <Space direction="vertical">
                    <span>{t('webhooks.secretOnce')}</span>
                    <code style={{ userSelect: 'all', wordBreak: 'break-all' }}>{secret}</code>
                  </Space>
                }
              />
            </div>
          )}
        </Card>
        <Card bordered title={t('webhooks.deliveries')}>
          {redeliver.error ? <ProblemAlert error={redeliver.error} /> : null}
          <CursorTable list={deliveries} columns={columns} rowKey="deliveryId" caption={t('webhooks.deliveries')} />
        </Card>
      </Space>
    </section>
  );
}
