import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';
import { MessagePlugin } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';

/**
 * A state-changing call (a command). One Idempotency-Key per user intent: the key is kept for the same
 * intent (command name + variables) until the API gives a definite answer, so a retry after a timeout
 * or a 5xx, or a second click, can never act twice. Callers disable the button while `isPending`.
 */
export const useCommand = <V, R = unknown>(
  name: string,
  run: (vars: V, idempotencyKey: string) => Promise<R>,
  opts: {
    /** The query keys of what the command changed (see each area's `keys.ts`), refreshed on success. */
    invalidate?: QueryKey[] | ((vars: V, result: R) => QueryKey[]);
    success?: string | false;
    onSuccess?: (result: R, vars: V) => void;
  } = {},
) => {
  const keys = useRef(new Map<string, string>());
  const qc = useQueryClient();
  const { t } = useI18n();
  const intentOf = (vars: V) => `${name}:${JSON.stringify(vars ?? null)}`;
  return useMutation<R, ApiProblem, V>({
    mutationKey: [name],
    mutationFn: (vars) => {
      const intent = intentOf(vars);
      let key = keys.current.get(intent);
      if (!key) {
        key = crypto.randomUUID();
        keys.current.set(intent, key);
      }
      return run(vars, key);
    },
    onSettled: (_r, err, vars) => {
      const uncertain = err instanceof ApiProblem && (err.status === 0 || err.status >= 500);
      if (!uncertain) keys.current.delete(intentOf(vars));
    },
    onSuccess: async (result, vars) => {
      if (opts.success !== false) void MessagePlugin.success(opts.success ?? t('common.done'));
      const keys = typeof opts.invalidate === 'function' ? opts.invalidate(vars, result) : (opts.invalidate ?? []);
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
      opts.onSuccess?.(result, vars);
    },
  });
};

/** The header object for openapi-fetch's `headers` option. */
export const idem = (key: string) => ({ 'Idempotency-Key': key });
