import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, send, unwrap } from '../api/client';
import type { BodyOf } from '../api/types';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { webhookKeys } from './keys';

/** The registered endpoint, or null when there is none (the API answers 404). */
export const useWebhook = () =>
  useQuery({
    queryKey: webhookKeys.endpoint(),
    queryFn: async () => {
      try {
        return await unwrap(api().GET('/provider/webhook'));
      } catch (err) {
        if (err instanceof ApiProblem && err.problem && err.status === 404) return null;
        throw err;
      }
    },
  });

/** The delivery log, newest first, with every attempt. */
export const useDeliveries = () =>
  useCursorList(webhookKeys.deliveries(), (cursor) => unwrap(api().GET('/provider/webhook/deliveries', { params: { query: { cursor, limit: 20 } } })));

const invalidate = [webhookKeys.all];

/** Registers (or re-enables, disables) the endpoint; a new registration answers its signing secret. */
export const useSaveWebhook = (onSaved: (secret: string) => void) =>
  useCommand('saveWebhook', (body: BodyOf<'/provider/webhook', 'put'>, key) => unwrap(api().PUT('/provider/webhook', { body, headers: idem(key) })), {
    invalidate,
    onSuccess: (w) => onSaved(w.secret),
  });

export const useDeleteWebhook = (onDeleted: () => void) =>
  useCommand('deleteWebhook', (_: null, key) => send(api().DELETE('/provider/webhook', { headers: idem(key) })), { invalidate, onSuccess: onDeleted });

/** A test event: it shows in the delivery log. */
export const useTestWebhook = () => useCommand('testWebhook', (_: null, key) => unwrap(api().POST('/provider/webhook/test', { headers: idem(key) })), { invalidate });

export const useRedeliver = () =>
  useCommand(
    'redeliver',
    (deliveryId: string, key) => unwrap(api().POST('/provider/webhook/deliveries/{deliveryId}/redeliver', { params: { path: { deliveryId } }, headers: idem(key) })),
    { invalidate },
  );
