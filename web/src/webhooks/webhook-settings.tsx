import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert, Card, Form, Input, Loading, Space, Switch, Tag, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import { api, ApiProblem, unwrap } from '../api/client';
import type { Page } from '../api/types';
import { ConfirmAction } from '../app/confirm-action';
import { CursorTable, useCursorList } from '../app/cursor-table';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { idem, useCommand } from '../app/use-command';
import { useI18n } from '../i18n';

interface Webhook {
  url: string;
  enabled: boolean;
  secret?: string;
  disabledReason?: string;
}
interface Delivery {
  deliveryId: string;
  eventType: string;
  orderId?: string | null;
  status: string;
  attemptCount?: number;
  attempts?: unknown[];
  responseCode?: number | null;
  createdAt: string;
}

const KEY = ['provider', 'webhook'] as const;
const invalidate = [KEY as unknown as string[]];

/** Webhook settings: the endpoint (secret shown once), enable/disable, test event, delivery log with redeliver. */
export default function WebhookSettings() {
  const { t } = useI18n();
  const hook = useQuery({
    queryKey: [...KEY, 'endpoint'],
    queryFn: async () => {
      try {
        return await unwrap<Webhook>(api().GET('/provider/webhook'));
      } catch (err) {
        if (err instanceof ApiProblem && err.status === 404) return null;
        throw err;
      }
    },
  });
  const deliveries = useCursorList<Delivery>([...KEY, 'deliveries'], (cursor) =>
    unwrap<Page<Delivery>>(api().GET('/provider/webhook/deliveries', { params: { query: { cursor, limit: 20 } as never } })),
  );
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  useEffect(() => setUrl(hook.data?.url ?? ''), [hook.data?.url]);

  const save = useCommand('saveWebhook', (body: { url: string; enabled?: boolean }, key) =>
    unwrap<Webhook>(api().PUT('/provider/webhook', { body: body as never, headers: idem(key) })), {
    invalidate,
    onSuccess: (w) => w.secret && setSecret(w.secret),
  });
  const remove = useCommand('deleteWebhook', (_: null, key) => unwrap(api().DELETE('/provider/webhook', { headers: idem(key) })), {
    invalidate,
    onSuccess: () => setSecret(undefined),
  });
  const test = useCommand('testWebhook', (_: null, key) => unwrap(api().POST('/provider/webhook/test', { headers: idem(key) })), { invalidate });
  const redeliver = useCommand('redeliver', (deliveryId: string, key) =>
    unwrap(api().POST('/provider/webhook/deliveries/{deliveryId}/redeliver', { params: { path: { deliveryId } }, headers: idem(key) })), { invalidate });

  const errors = fieldErrors(save.error);
  const columns: PrimaryTableCol<Delivery>[] = [
    { colKey: 'createdAt', title: t('common.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    { colKey: 'eventType', title: t('webhooks.event'), cell: ({ row }) => <code>{row.eventType}</code> },
    {
      colKey: 'status',
      title: t('common.status'),
      cell: ({ row }) => (
        <Tag variant="light" theme={row.status === 'succeeded' || row.status === 'delivered' ? 'success' : row.status === 'pending' ? 'warning' : 'danger'}>
          {row.status}
          {row.responseCode ? ` · ${row.responseCode}` : ''}
        </Tag>
      ),
    },
    { colKey: 'attempts', title: t('webhooks.attempts'), cell: ({ row }) => row.attemptCount ?? (Array.isArray(row.attempts) ? row.attempts.length : '—') },
    {
      colKey: 'actions',
      title: t('common.actions'),
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
