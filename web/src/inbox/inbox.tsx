import { useNavigate } from 'react-router';
import { Space, Switch, Tag, type PrimaryTableCol } from 'tdesign-react';
import { Button } from '../app/button';
import type { Notification } from '../api/types';
import { CursorTable } from '../app/cursor-table';
import { formatTime } from '../app/format';
import { ProblemAlert } from '../app/problem';
import { linkFor } from '../app/routes';
import { useUrlState } from '../app/url-state';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { useInbox, useMarkRead, useReadAll } from './hooks';

/** 站内信: the inbox, newest first, with the unread filter, mark read and read-all. */
export default function Inbox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { session } = useSession();
  const [url, setUrl] = useUrlState(['unread']);
  const unreadOnly = url.unread === '1';
  const list = useInbox(unreadOnly);
  const markRead = useMarkRead();
  const readAll = useReadAll();

  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.notificationId);
    const to = linkFor(session?.roles ?? [], n);
    if (to) navigate(to);
  };
  const columns: PrimaryTableCol<Notification>[] = [
    {
      colKey: 'title',
      title: t('inbox.title'),
      width: 360,
      cell: ({ row }) => (
        <div>
          <Space size={6} align="center">
            {!row.read && (
              <Tag theme="danger" variant="light" size="small">
                {t('common.unread')}
              </Tag>
            )}
            <strong style={{ fontWeight: row.read ? 400 : 600 }}>{row.title}</strong>
          </Space>
          <div style={{ color: 'var(--td-text-color-secondary)', fontSize: 13 }}>{row.body}</div>
        </div>
      ),
    },
    { colKey: 'createdAt', title: t('common.createdAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.createdAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Space size={4}>
          {(row.orderId || row.productId) && (
            <Button size="small" variant="text" theme="primary" onClick={() => open(row)}>
              {t('inbox.open')}
            </Button>
          )}
          {!row.read && (
            <Button size="small" variant="text" disabled={markRead.isPending} onClick={() => markRead.mutate(row.notificationId)}>
              {t('inbox.markRead')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <section aria-labelledby="inbox-title">
      <div className="page-header">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        <Space align="center">
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch value={unreadOnly} aria-checked={unreadOnly} onChange={(v) => setUrl({ unread: v ? '1' : undefined })} aria-label={t('inbox.unreadOnly')} />
            {t('inbox.unreadOnly')}
          </label>
          <Button variant="outline" loading={readAll.isPending} disabled={readAll.isPending} onClick={() => readAll.mutate(null)}>
            {t('inbox.readAll')}
          </Button>
        </Space>
      </div>
      {readAll.error ? <ProblemAlert error={readAll.error} /> : null}
      {markRead.error ? <ProblemAlert error={markRead.error} /> : null}
      <CursorTable
        list={list}
        columns={columns}
        rowKey="notificationId"
        caption={t('inbox.title')}
        search={(row) => `${row.title} ${row.body}`}
        sorters={{ createdAt: (row) => row.createdAt }}
      />
    </section>
  );
}
