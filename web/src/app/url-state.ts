import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in its address (`?status=completed&created=2026-12-01,2026-12-02`): a reload or a
 * shared link shows the same list. Values are strings as typed; the page narrows them (`isOneOf`). A change
 * replaces the history entry, so Back leaves the page instead of undoing one filter at a time.
 */
export const useUrlState = <K extends string>(keys: readonly K[]) => {
  const [params, setParams] = useSearchParams();
  const joined = keys.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  const values = useMemo(
    () => Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as Partial<Record<K, string>>,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [joined],
  );
  const set = useCallback(
    (patch: Partial<Record<K, string | undefined>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries<string | undefined>(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set] as const;
};

/** A date range as kept in the address: `from,to` (local days). */
export const rangeParam = (v: string | undefined): string[] => (v ? v.split(',').filter(Boolean).slice(0, 2) : []);
export const rangeValue = (v: unknown): string | undefined => (Array.isArray(v) && v.length === 2 && v[0] && v[1] ? v.map(String).join(',') : undefined);
