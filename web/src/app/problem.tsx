import { Alert } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';

/**
 * A refused call in place: for every problem the API answers, its own `title` and `detail` (in the
 * language asked) and its field messages; "not online yet" only for a route the API does not have (a
 * 404/405 with no problem body); a network failure or a page's own error by its message.
 */
export const ProblemAlert = ({ error, showFields = true }: { error: unknown; showFields?: boolean }) => {
  const { t } = useI18n();
  if (!error) return null;
  const p = error instanceof ApiProblem ? error : undefined;
  const missing = p?.missingRoute ?? false;
  const title = missing ? t('common.pendingRoute') : p?.problem ? `${p.title || t('common.error')} (${p.status})` : t('common.error');
  const detail = p ? p.detail : error instanceof Error ? error.message : String(error);
  return (
    <div role="alert">
      <Alert
        theme={missing ? 'info' : 'error'}
        title={title}
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

/** `errors[].path` → message, for FormItems (`plans.0.price`, `answers.host`, `name`). */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) for (const e of error.errors) out[e.path] ??= e.message;
  return out;
};
