import { Table } from 'tdesign-react';
import type { ReviewRecord } from '../api/types';
import { formatTime } from '../app/format';
import { REVIEW_DECISION, StatusTag } from '../app/status-tags';
import { useI18n } from '../i18n';

/** A product's review decisions (who, formatTime, reason), newest first. */
export const ReviewHistory = ({ history }: { history: ReviewRecord[] }) => {
  const { t } = useI18n();
  return (
    <Table<ReviewRecord & { i: number }>
      rowKey="i"
      size="small"
      tableLayout="auto"
      data={[...history].reverse().map((h, i) => ({ ...h, i }))}
      empty={t('common.empty')}
      aria-label={t('reviews.history')}
      columns={[
        { colKey: 'at', title: t('common.updatedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.at) },
        { colKey: 'decision', title: t('common.status'), className: 'nowrap', cell: ({ row }) => <StatusTag entry={REVIEW_DECISION[row.decision]} /> },
        { colKey: 'reason', title: t('products.reason'), cell: ({ row }) => row.reason ?? '—' },
        // a record kept before reviewers were named says 运营 / Operator, never an id
        { colKey: 'operatorName', title: t('products.operator'), cell: ({ row }) => row.operatorName ?? t('products.operatorNeutral') },
      ]}
    />
  );
};
