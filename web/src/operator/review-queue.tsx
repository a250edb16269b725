import { useNavigate } from 'react-router';
import { type PrimaryTableCol } from 'tdesign-react';
import { ReviewKindTag } from './review-kind';
import { Button } from '../app/button';
import type { ProductRow } from '../api/types';
import { CursorTable } from '../app/cursor-table';
import { formatTime } from '../app/format';
import { useI18n } from '../i18n';
import { useReviewQueue } from './hooks';

/** 商品审核: what waits for review, oldest submission first. */
export default function ReviewQueue() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useReviewQueue();
  const name = (row: ProductRow) => row.draft?.name ?? row.live?.name ?? '';
  const columns: PrimaryTableCol<ProductRow>[] = [
    { colKey: 'name', title: t('products.name'), ellipsis: true, width: 220, cell: ({ row }) => name(row) },
    { colKey: 'serviceType', title: t('products.serviceType'), className: 'nowrap', cell: ({ row }) => t(`type.${(row.draft ?? row.live)!.serviceType}`) },
    {
      colKey: 'kind',
      title: t('reviews.kind'),
      className: 'nowrap',
      cell: ({ row }) => <ReviewKindTag product={row} />,
    },
    { colKey: 'providerName', title: t('search.provider'), ellipsis: true, width: 180, cell: ({ row }) => row.providerName ?? '—' },
    { colKey: 'version', title: t('products.version'), className: 'nowrap' },
    { colKey: 'submittedAt', title: t('reviews.submittedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.submittedAt ?? row.updatedAt) },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Button size="small" onClick={() => navigate(`/operator/reviews/${row.productId}`)} aria-label={`${t('reviews.open')} ${row.draft?.name ?? row.live?.name}`}>
          {t('reviews.open')}
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="reviews-title">
      <div className="page-header">
        <h1 id="reviews-title">{t('reviews.title')}</h1>
      </div>
      <CursorTable
        list={list}
        columns={columns}
        rowKey="productId"
        caption={t('reviews.title')}
        search={name}
        sorters={{ name, submittedAt: (row) => row.submittedAt ?? row.updatedAt }}
      />
    </section>
  );
}
