/** 站内信: the inbox pages and the header's unread count. */
export const inboxKeys = {
  all: ['inbox'] as const,
  list: (filters: { unreadOnly: boolean }) => [...inboxKeys.all, 'list', filters] as const,
  unreadCount: () => [...inboxKeys.all, 'unreadCount'] as const,
};
