import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const UNREAD_KEY = ['notifications', 'unreadCount'] as const;

/** The inbox's unread count for the header badge; refreshed every 30 s and after inbox actions. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: UNREAD_KEY,
    enabled,
    refetchInterval: 30_000,
    queryFn: async () => {
      const page = await unwrap<{ unreadCount?: number }>(api().GET('/notifications', { params: { query: { unread: 'true', limit: 1 } } }));
      return page.unreadCount ?? 0;
    },
  });
