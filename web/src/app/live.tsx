import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Tag } from 'tdesign-react';
import { useI18n } from '../i18n';
import { inboxKeys } from '../inbox/keys';
import { operatorKeys } from '../operator/keys';
import { orderChanged, orderKeys } from '../orders/keys';
import { codeKeys, productKeys } from '../products/keys';
import { accessToken } from './auth';
import { config } from './config';
import { useSession } from './session';

/** What the live console's WebSocket API tells (lib/live/audience.ts): which object changed, never the object. */
export interface Notice {
  type: 'order' | 'product' | 'inbox' | 'review-queue' | 'appeal-queue';
  id: string;
  version?: number;
}

/** The queries a notice concerns, by the areas' key factories: only these are refetched. */
export const queriesOf = (n: Notice): QueryKey[] => {
  switch (n.type) {
    case 'order':
      // a purchase of a code product changes the stock an open 兑换码 page shows
      return [...orderChanged(n.id), codeKeys.root];
    case 'appeal-queue':
      return [orderKeys.lists()];
    case 'product':
      return [productKeys.detail(n.id), productKeys.lists(), codeKeys.all(n.id)];
    case 'review-queue':
      return [operatorKeys.reviews()];
    case 'inbox':
      return [inboxKeys.all];
    default:
      return [];
  }
};

/** Waits before the next attempt (with jitter), growing to half a minute. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** While it cannot connect, the console refetches what is on screen this often. */
const POLL_MS = 30_000;
/** API Gateway closes a connection idle for ten minutes: a keep-alive well before. */
const KEEPALIVE_MS = 5 * 60_000;

export type LiveState = 'live' | 'reconnecting';

/**
 * One WebSocket per tab (the frame mounts this once): each notice refetches exactly its queries; a dropped
 * connection reconnects with backoff, and meanwhile what is on screen is refetched periodically, and once
 * more when it is back (whatever changed in between was not told).
 */
const useLive = (enabled: boolean): LiveState | undefined => {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>();
  useEffect(() => {
    const url = enabled ? config().websocketUrl : undefined;
    if (!url) return;
    let ws: WebSocket | undefined;
    let stopped = false;
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let keepalive: ReturnType<typeof setInterval> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let missed = false;
    const refetchAll = () => void qc.invalidateQueries();
    const later = () => {
      const wait = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)];
      retry = setTimeout(open, wait / 2 + (Math.random() * wait) / 2);
    };
    const dropped = () => {
      clearInterval(keepalive);
      if (stopped) return;
      setState('reconnecting');
      missed = true;
      poll ??= setInterval(refetchAll, POLL_MS);
      later();
    };
    const open = async () => {
      const token = await accessToken();
      if (stopped) return;
      if (!token) return dropped();
      const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
      ws = socket;
      socket.onopen = () => {
        attempt = 0;
        setState('live');
        clearInterval(poll);
        poll = undefined;
        if (missed) refetchAll();
        missed = false;
        keepalive = setInterval(() => socket.send('{"action":"ping"}'), KEEPALIVE_MS);
      };
      socket.onmessage = (e) => {
        try {
          for (const queryKey of queriesOf(JSON.parse(String(e.data)) as Notice)) void qc.invalidateQueries({ queryKey });
        } catch {
          // not a notice: nothing to refresh
        }
      };
      // a refused handshake (expired token, key set unreachable) closes too: try again later
      socket.onclose = dropped;
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(keepalive);
      clearInterval(poll);
      ws?.close();
    };
  }, [enabled, qc]);
  return state;
};

/** The header's indicator: live, or reconnecting (and refreshing periodically meanwhile). */
export const LiveIndicator = () => {
  const { session } = useSession();
  const { t } = useI18n();
  const state = useLive(Boolean(session));
  if (!state) return null;
  return (
    <span role="status" title={t(state === 'live' ? 'live.onHint' : 'live.reconnectingHint')}>
      <Tag theme={state === 'live' ? 'success' : 'warning'} variant="light">
        {t(state === 'live' ? 'live.on' : 'live.reconnecting')}
      </Tag>
    </span>
  );
};
