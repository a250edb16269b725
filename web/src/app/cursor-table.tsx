import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ChevronLeftIcon, ChevronRightIcon, SearchIcon } from 'tdesign-icons-react';
import { Input, Space, Table, type PrimaryTableCol, type TableRowData, type TableSort } from 'tdesign-react';
import { Button } from './button';
import { Labelled } from './field';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem';
import { useUrlState } from './url-state';

/** A page of a list as the API answers it (`OrderPage`, `InboxPage`, …): its items and the next cursor. */
interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Rows per page: the `limit` every list asks the API for. */
export const PAGE_SIZE = 20;

/** A list read page by page with the API's cursor; the page type is the route's own answer. */
export const useCursorList = <P extends CursorPage<unknown>>(queryKey: QueryKey, fetchPage: (cursor?: string) => Promise<P>, enabled = true) => {
  const query = useInfiniteQuery<P, Error, InfiniteData<P>, QueryKey, string | undefined>({
    queryKey,
    enabled,
    initialPageParam: undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // the list's identity: a new filter starts again at page 1
  return { ...query, listKey: JSON.stringify(queryKey) };
};

type SortValue = string | number | null | undefined;

const compare = (a: SortValue, b: SortValue) => {
  if (a == null || a === '') return b == null || b === '' ? 0 : 1;
  if (b == null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
};

/**
 * TDesign Table over a cursor list, as the design system's admin starter lays out a list page: a keyword box
 * over the page in view, sortable columns (the page in view), the table scrolling sideways inside its card
 * with 操作 fixed on the right, and page by page with the API's cursor (第 N 页 · 每页 20 条, previous / next:
 * the API counts nothing, so there is no total). Keyword and sort are kept in the address with the page's
 * filters; `prefix` tells two lists on one page apart.
 */
export const CursorTable = <T extends TableRowData>({
  list,
  columns,
  rowKey,
  caption,
  search,
  sorters = {},
  prefix = '',
  contentWidth,
}: {
  list: {
    data?: { pages: CursorPage<T>[] };
    error: unknown;
    isLoading: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    listKey?: string;
  };
  columns: PrimaryTableCol<T>[];
  rowKey: keyof T & string;
  caption: string;
  /** The keyword box: the text of a row it matches against. */
  search?: (row: T) => string;
  /** Sortable columns by colKey: the value a row sorts by. */
  sorters?: Partial<Record<string, (row: T) => SortValue>>;
  prefix?: string;
  /** Fixed column widths (each column's `width`) on a table this wide, scrolling sideways below it. */
  contentWidth?: string;
}) => {
  const { t } = useI18n();
  const [url, setUrl] = useUrlState([`${prefix}q`, `${prefix}sort`]);
  const keyword = url[`${prefix}q`] ?? '';
  const [sortKey, sortOrder] = (url[`${prefix}sort`] ?? '').split(':');
  const sort: TableSort | undefined = sortKey && sorters[sortKey] ? { sortBy: sortKey, descending: sortOrder === 'desc' } : undefined;
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [list.listKey]);
  const pages = list.data?.pages ?? [];
  const at = Math.min(page, Math.max(pages.length - 1, 0));
  const rows = useMemo(() => {
    const needle = keyword.trim().toLowerCase();
    const items = (pages[at]?.items ?? []).filter((row) => !needle || !search || search(row).toLowerCase().includes(needle));
    const by = sort && sorters[sort.sortBy];
    if (!by || !sort) return items;
    return [...items].sort((a, b) => compare(by(a), by(b)) * (sort.descending ? -1 : 1));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages, at, keyword, sort?.sortBy, sort?.descending]);
  const cols = columns.map((c) => ({
    ...c,
    ...(c.colKey && sorters[c.colKey] ? { sorter: true } : {}),
    ...(c.colKey === 'actions' ? { fixed: c.fixed ?? ('right' as const) } : {}),
  }));
  const hasNext = at + 1 < pages.length || list.hasNextPage;
  const next = async () => {
    if (at + 1 >= pages.length) await list.fetchNextPage();
    setPage(at + 1);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {search && (
        <div className="table-search">
          <Labelled label={t('table.search')}>
            <Input
              placeholder={t('table.searchHint')}
              prefixIcon={<SearchIcon />}
              clearable
              value={keyword}
              onChange={(v) => setUrl({ [`${prefix}q`]: String(v) })}
            />
          </Labelled>
        </div>
      )}
      <Table<T>
        rowKey={rowKey}
        data={rows}
        columns={cols}
        loading={list.isLoading}
        empty={list.isLoading ? t('common.loading') : keyword ? t('table.noMatch') : t('common.empty')}
        hover
        tableLayout={contentWidth ? 'fixed' : 'auto'}
        tableContentWidth={contentWidth}
        aria-label={caption}
        sort={sort}
        hideSortTips
        onSortChange={(s) => {
          const one = Array.isArray(s) ? s[0] : s;
          setUrl({ [`${prefix}sort`]: one ? `${one.sortBy}:${one.descending ? 'desc' : 'asc'}` : undefined });
        }}
      />
      {(pages.length > 0 || list.hasNextPage) && (rows.length > 0 || at > 0 || hasNext) && (
        <nav className="cursor-pager" aria-label={t('table.pages')}>
          <span className="muted">{t('table.pageOf', { page: at + 1, size: PAGE_SIZE })}</span>
          <Space size={8}>
            <Button variant="outline" size="small" icon={<ChevronLeftIcon />} disabled={at === 0} onClick={() => setPage(at - 1)}>
              {t('table.prev')}
            </Button>
            <Button variant="outline" size="small" disabled={!hasNext || list.isFetchingNextPage} loading={list.isFetchingNextPage} onClick={() => void next()}>
              {t('table.next')}
              <ChevronRightIcon />
            </Button>
          </Space>
        </nav>
      )}
    </Space>
  );
};
