import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Space } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';
import { Button } from './button';
import { useSession } from './session';
import type { SignInState } from './sign-in';

/** Whether trying again may help: the network, the API unavailable for a moment, a gateway's error page. */
const transient = (p: ApiProblem | undefined) => !p || p.status === 0 || p.status >= 500 || (!p.problem && !p.missingRoute);

/**
 * A refused call in place: for every problem the API answers, its own `title` and `detail` (in the
 * language asked) and its field messages; "not online yet" only for a route the API does not have (a
 * 404/405 with no problem body); a network failure in the console's words. A failed read offers 重试 (it
 * refetches the queries that failed with this error), a refused token 重新登录.
 */
export const ProblemAlert = ({ error, showFields = true, retry }: { error: unknown; showFields?: boolean; retry?: () => unknown }) => {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSession();
  if (!error) return null;
  const p = error instanceof ApiProblem ? error : undefined;
  const missing = p?.missingRoute ?? false;
  const network = p?.status === 0;
  const title = missing
    ? t('common.pendingRoute')
    : network
      ? t('common.networkError')
      : p?.problem
        ? `${p.title || t('common.error')} (${p.status})`
        : p
          ? `${t('common.error')} (${p.status})`
          : t('common.error');
  const detail = network ? t('common.networkDetail') : p ? (p.problem ? p.detail : t('common.unexpectedAnswer')) : error instanceof Error ? error.message : String(error);
  const failedReads = qc.getQueryCache().findAll({ predicate: (q) => q.state.error === error });
  const again = retry ?? (failedReads.length > 0 ? () => Promise.all(failedReads.map((q) => qc.refetchQueries({ queryKey: q.queryKey, exact: true }))) : undefined);
  const actions = (
    <Space size={8}>
      {again && transient(p) && (
        <Button size="small" variant="outline" onClick={() => void again()}>
          {t('common.retry')}
        </Button>
      )}
      {p?.status === 401 && (
        <Button
          size="small"
          onClick={() => {
            const state: SignInState = { from: `${location.pathname}${location.search}`, ended: 'expired' };
            void signOut().then(() => navigate('/signin', { state }));
          }}
        >
          {t('auth.signInAgain')}
        </Button>
      )}
    </Space>
  );
  return (
    <div role="alert">
      <Alert
        theme={missing ? 'info' : 'error'}
        title={title}
        operation={actions}
        message={
          <>
            <span>{detail}</span>
            {showFields && p && p.errors.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                {p.errors.map((e) => (
                  <li key={e.path + e.message}>
                    <code>{e.path}</code> {e.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
};

/** Any error as one line in the console's language: the API's detail, or the console's words for the rest. */
export const problemText = (error: unknown, t: (key: MessageKey) => string): string => {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t('common.networkDetail');
    if (error.problem) return error.detail || error.title;
    return t('common.unexpectedAnswer');
  }
  return t('common.error');
};

/** `errors[].path` → message, for FormItems (`plans.0.price`, `answers.host`, `name`). */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) for (const e of error.errors) out[e.path] ??= e.message;
  return out;
};
