import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useCursorList } from '../app/cursor-table';
import { idem, useCommand } from '../app/use-command';
import { inboxKeys } from './keys';

/** 站内信: newest first, optionally the unread only, cursor paged. */
export const useInbox = (unreadOnly: boolean) =>
  useCursorList(inboxKeys.list({ unreadOnly }), (cursor) =>
    unwrap(api().GET('/notifications', { params: { query: { cursor, limit: 20, ...(unreadOnly ? { unread: 'true' } : {}) } } })),
  );

/** The inbox's unread count for the header badge; refreshed every 30 s and after inbox actions. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: inboxKeys.unreadCount(),
    enabled,
    refetchInterval: 30_000,
    queryFn: async () => (await unwrap(api().GET('/notifications', { params: { query: { unread: 'true', limit: 1 } } }))).unreadCount,
  });

/** Marks one notification read: the inbox's pages and its count change. */
export const useMarkRead = () =>
  useCommand(
    'markRead',
    (notificationId: string, key) => unwrap(api().POST('/notifications/{notificationId}/read', { params: { path: { notificationId } }, headers: idem(key) })),
    { invalidate: [inboxKeys.all], success: false },
  );

export const useReadAll = () =>
  useCommand('readAll', (_: null, key) => unwrap(api().POST('/notifications/read-all', { headers: idem(key) })), { invalidate: [inboxKeys.all] });
