import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, unwrap } from '../api/client';
import type { BodyOf, SaasAction } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { saasKeys } from './keys';

/** The saved endpoint, or null when there is none (the API answers 404). */
export const useSaasEndpoint = () =>
  useQuery({
    queryKey: saasKeys.endpoint(),
    queryFn: async () => {
      try {
        return await unwrap(api().GET('/provider/saas-endpoint'));
      } catch (err) {
        if (err instanceof ApiProblem && err.problem && err.status === 404) return null;
        throw err;
      }
    },
  });

/** 保存: the API sends verifyInterface first and refuses an endpoint that does not echo. */
export const useSaveSaasEndpoint = () =>
  useCommand('saveSaasEndpoint', (body: BodyOf<'/provider/saas-endpoint', 'put'>, key) => unwrap(api().PUT('/provider/saas-endpoint', { body, headers: idem(key) })), {
    invalidate: [saasKeys.all],
  });

/** 接口调试: one action with test data; the answer is shown, the passes refreshed. */
export const useSaasDebug = () =>
  useCommand('saasDebug', (action: SaasAction, key) => unwrap(api().POST('/provider/saas-endpoint/debug', { body: { action }, headers: idem(key) })), {
    invalidate: [saasKeys.endpoint()],
    success: false,
  });

/** The call log, newest first. */
export const useSaasCalls = () =>
  useCursorList(saasKeys.calls(), (cursor) => unwrap(api().GET('/provider/saas-calls', { params: { query: { cursor, limit: 20 } } })));

/** 重新发送 a failed call (same eventId). */
export const useResendSaasCall = () =>
  useCommand(
    'resendSaasCall',
    (callId: string, key) => unwrap(api().POST('/provider/saas-calls/{callId}/resend', { params: { path: { callId } }, headers: idem(key) })),
    { invalidate: [saasKeys.calls()] },
  );
