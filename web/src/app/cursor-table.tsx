import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Space, Table, type PrimaryTableCol, type TableRowData } from 'tdesign-react';
import { Button } from './button';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem';

/** A list read page by page with the API's cursor (`{ items, nextCursor }`). */
export const useCursorList = <T,>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<Page<T>>, enabled = true) =>
  useInfiniteQuery({
    queryKey,
    enabled,
    initialPageParam: undefined as string | undefined,
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
  list: ReturnType<typeof useCursorList<T>>;
  columns: PrimaryTableCol<T>[];
  rowKey: keyof T & string;
  caption: string;
}) => {
  const { t } = useI18n();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error && <ProblemAlert error={list.error} />}
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
