import { Alert } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';

/** The problem's `detail` (and its field messages when no input shows them) in place. */
export const ProblemAlert = ({ error, showFields = true }: { error: unknown; showFields?: boolean }) => {
  const { t } = useI18n();
  if (!error) return null;
  const p = error instanceof ApiProblem ? error : undefined;
  const pending = p && (p.status === 404 || p.status === 405) && p.code !== 'NOT_FOUND';
  const title = pending ? t('common.pendingRoute') : p ? `${p.title || t('common.error')} (${p.status || p.code})` : t('common.error');
  return (
    <div role="alert">
    <Alert
      theme={pending ? 'info' : 'error'}
      title={title}
      message={
        <>
          <span>{p ? p.detail : String((error as Error).message ?? error)}</span>
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

/** `errors[].path` → message, for FormItems (`plans.0.price`, `answers.host`, `name`). */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) for (const e of error.errors) out[e.path] ??= e.message;
  return out;
};
