import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { Space, Table, type PrimaryTableCol, type TableRowData } from 'tdesign-react';
import { Button } from './button';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem';

/** A page of a list as the API answers it (`OrderPage`, `InboxPage`, …): its items and the next cursor. */
interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** A list read page by page with the API's cursor; the page type is the route's own answer. */
export const useCursorList = <P extends CursorPage<unknown>>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<P>, enabled = true) =>
  useInfiniteQuery<P, Error, InfiniteData<P>, QueryKey, string | undefined>({
    queryKey,
    enabled,
    initialPageParam: undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** TDesign Table over a cursor list: loading and empty states, the problem's detail, and "load more". */
export const CursorTable = <T extends TableRowData>({
  list,
  columns,
  rowKey,
  caption,
}: {
  list: {
    data?: { pages: CursorPage<T>[] };
    error: unknown;
    isLoading: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
  };
  columns: PrimaryTableCol<T>[];
  rowKey: keyof T & string;
  caption: string;
}) => {
  const { t } = useI18n();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Table<T>
        rowKey={rowKey}
        data={rows}
        columns={columns}
        loading={list.isLoading}
        empty={list.isLoading ? t('common.loading') : t('common.empty')}
        hover
        tableLayout="auto"
        attach={undefined}
        aria-label={caption}
        scroll={{ type: 'lazy' }}
      />
      <div style={{ textAlign: 'center' }}>
        {list.hasNextPage ? (
          <Button variant="outline" loading={list.isFetchingNextPage} disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : rows.length > 0 ? (
          <span style={{ color: 'var(--td-text-color-placeholder)' }}>{t('common.noMore')}</span>
        ) : null}
      </div>
    </Space>
  );
};
