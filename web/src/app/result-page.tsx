import { useNavigate } from 'react-router';
import { Empty, Space } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';
import { Button } from './button';
import { ProblemAlert } from './problem';

export type ResultKind = 'forbidden' | 'notFound' | 'network';

const LOOK = {
  forbidden: { type: 'fail', title: 'result.forbidden', body: 'result.forbiddenBody' },
  notFound: { type: 'empty', title: 'result.notFound', body: 'result.notFoundBody' },
  network: { type: 'network-error', title: 'result.network', body: 'result.networkBody' },
} as const;

/** 403 / 404 / network error as the design system's admin starter shows them: what happened, 重新加载, 返回首页. */
export const ResultPage = ({ kind, detail }: { kind: ResultKind; detail?: string }) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const look = LOOK[kind];
  return (
    <section className="result-page" aria-labelledby="result-title">
      <Empty
        type={look.type}
        size="large"
        title={<h1 id="result-title">{t(look.title)}</h1>}
        description={detail || t(look.body)}
        action={
          <Space breakLine>
            <Button onClick={() => window.location.reload()}>{t('result.reload')}</Button>
            <Button variant="outline" onClick={() => navigate('/')}>
              {t('result.home')}
            </Button>
          </Space>
        }
      />
    </section>
  );
};

/** Which page a failed read of a whole page is: 403 and 404 answers, and a network failure; else undefined. */
export const resultKind = (error: unknown): ResultKind | undefined => {
  if (!(error instanceof ApiProblem)) return undefined;
  if (error.status === 0) return 'network';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404 && !error.missingRoute) return 'notFound';
  return undefined;
};

/** A page whose one read failed: the result page for 403, 404 and the network, the problem in place otherwise. */
export const PageError = ({ error }: { error: unknown }) => {
  const kind = resultKind(error);
  if (!kind) return <ProblemAlert error={error} />;
  return <ResultPage kind={kind} detail={kind === 'network' ? undefined : error instanceof ApiProblem ? error.detail : undefined} />;
};
