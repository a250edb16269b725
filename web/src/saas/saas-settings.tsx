import { useEffect, useState } from 'react';
import { Alert, Card, Form, Input, Loading, Space, Tag } from 'tdesign-react';
import { Button } from '../app/button';
import type { SaasAction, SaasDebugResult } from '../api/types';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { useSaasDebug, useSaasEndpoint, useSaveSaasEndpoint } from './hooks';

/** The actions 接口调试 sends, in the order of an instance's life. */
const ACTIONS: SaasAction[] = ['verifyInterface', 'createInstance', 'renewInstance', 'modifyInstance', 'expireInstance', 'destroyInstance'];

const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** One action's outcome: verdict, latency, the exact request and the endpoint's response. */
const DebugResult = ({ result }: { result: SaasDebugResult }) => {
  const { t } = useI18n();
  return (
    <div className="saas-debug-result" aria-label={t('saas.resultOf', { action: result.action })}>
      <Space breakLine align="center">
        <Tag theme={result.verdict === 'passed' ? 'success' : 'danger'} variant="light">
          {t(result.verdict === 'passed' ? 'saas.passed' : 'saas.failed')}
        </Tag>
        <span>{t('saas.latency', { ms: String(result.latencyMs) })}</span>
        <span>HTTP {result.response.status ?? '—'}</span>
        {result.reason ? <span>{result.reason}</span> : null}
      </Space>
      <div className="saas-debug-io">
        <div>
          <h4>{t('saas.request')}</h4>
          <pre>{`POST ${result.request.url}\n\n${json(result.request.body)}`}</pre>
        </div>
        <div>
          <h4>{t('saas.response')}</h4>
          <pre>{result.response.body === null ? '—' : json(result.response.body)}</pre>
        </div>
      </div>
    </div>
  );
};

/** SaaS 接入设置: the endpoint's URL and token (保存 verifies it), then 接口调试 for each action. */
export default function SaasSettings() {
  const { t } = useI18n();
  const endpoint = useSaasEndpoint();
  const save = useSaveSaasEndpoint();
  const debug = useSaasDebug();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [results, setResults] = useState<Partial<Record<SaasAction, SaasDebugResult>>>({});
  const [running, setRunning] = useState<SaasAction>();
  useEffect(() => setUrl(endpoint.data?.url ?? ''), [endpoint.data?.url]);

  const errors = fieldErrors(save.error);
  const run = (action: SaasAction) => {
    setRunning(action);
    debug.mutate(action, {
      onSuccess: (r) => setResults((all) => ({ ...all, [action]: r })),
      onSettled: () => setRunning(undefined),
    });
  };
  const onSave = () =>
    save.mutate(
      { url: url.trim(), token },
      {
        onSuccess: () => {
          setToken('');
          setResults({});
        },
      },
    );

  if (endpoint.isLoading) return <Loading loading text={t('common.loading')} />;
  const saved = endpoint.data;
  return (
    <section aria-labelledby="saas-title">
      <div className="page-header">
        <h1 id="saas-title">{t('saas.title')}</h1>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {endpoint.error ? <ProblemAlert error={endpoint.error} /> : null}
        <Card bordered>
          <p>{saved ? t('saas.savedAt', { at: formatTime(saved.verifiedAt) }) : t('saas.none')}</p>
          <Form labelAlign="top" onSubmit={() => url.trim() && token && onSave()} preventSubmitDefault>
            <Field label={t('saas.url')} error={errors.url} required>
              <Input value={url} onChange={(v) => setUrl(String(v))} placeholder="https://saas.example.com/marketplace" />
            </Field>
            <Field label={t('saas.token')} error={errors.token} required help={saved?.tokenSet ? t('saas.tokenSet') : t('saas.tokenHelp')}>
              <Input type="password" value={token} onChange={(v) => setToken(String(v))} autocomplete="off" />
            </Field>
            <Button type="submit" loading={save.isPending} disabled={save.isPending || !url.trim() || !token}>
              {t('saas.save')}
            </Button>
          </Form>
          {save.error ? (
            <div style={{ marginTop: 16 }}>
              <ProblemAlert error={save.error} showFields={false} />
            </div>
          ) : null}
        </Card>
        {saved && (
          <Card bordered title={t('saas.debug')}>
            {saved.missing.length > 0 ? (
              <Alert theme="warning" message={t('saas.missing', { actions: saved.missing.join(', ') })} />
            ) : (
              <Alert theme="success" message={t('saas.ready')} />
            )}
            {debug.error ? <ProblemAlert error={debug.error} /> : null}
            <ul className="saas-actions">
              {ACTIONS.map((action) => (
                <li key={action}>
                  <Space breakLine align="center">
                    <code>{action}</code>
                    {saved.passed[action] ? (
                      <Tag theme="success" variant="outline">
                        {t('saas.passedAt', { at: formatTime(saved.passed[action]) })}
                      </Tag>
                    ) : null}
                    <Button
                      size="small"
                      variant="outline"
                      loading={running === action}
                      disabled={running !== undefined}
                      aria-label={t('saas.send', { action })}
                      onClick={() => run(action)}
                    >
                      {t('saas.sendShort')}
                    </Button>
                  </Space>
                  {results[action] ? <DebugResult result={results[action]} /> : null}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Space>
    </section>
  );
}
