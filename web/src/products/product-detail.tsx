import { formatTime } from '../app/format';
import { useNavigate, useParams } from 'react-router';
import { Alert, Card, Loading, Space, Table } from 'tdesign-react';
import { Button } from '../app/button';
import type { ReviewRecord } from '../api/types';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { ContentView } from './content-view';
import { useOwnProduct } from './hooks';
import { RowActions } from './product-list';
import { ProductStatusTag, REVIEW_DECISION, StatusTag } from '../app/status-tags';

/** A provider's product: the live version beside the pending revision, and the review history with reasons. */
export default function ProductDetail() {
  const { productId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useOwnProduct(productId);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <PageError error={q.error} />;
  const p = q.data;
  const reason = p.revision?.reason ?? p.rejectionReason;
  const pendingStatus = p.revision?.status ?? (p.draft && !p.live ? p.status : undefined);
  return (
    <section aria-labelledby="product-title">
      <div className="page-header">
        <Space align="center">
          <h1 id="product-title">{p.draft?.name ?? p.live?.name}</h1>
          <ProductStatusTag status={p.status} />
          <span style={{ color: 'var(--td-text-color-secondary)' }}>
            {t('products.version')} {p.version}
          </span>
        </Space>
        <Space>
          <RowActions p={{ ...p, productId: p.productId }} />
          <Button variant="outline" onClick={() => navigate('/provider/products')}>
            {t('common.back')}
          </Button>
        </Space>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {reason && <Alert theme="warning" title={t('products.rejectedReason')} message={reason} />}
        {p.status === 'delisted' && <Alert theme="info" message={t('products.relistHint')} />}
        <div className="two-columns">
          <Card title={t('products.live')} bordered>
            {p.live ? <ContentView content={p.live} /> : <p>{t('products.noLive')}</p>}
          </Card>
          <Card
            title={
              <Space align="center">
                {t('products.pendingRevision')}
                {pendingStatus && <ProductStatusTag status={pendingStatus} />}
              </Space>
            }
            bordered
          >
            {p.draft ? <ContentView content={p.draft} compare={p.live} /> : <p>{t('common.empty')}</p>}
          </Card>
        </div>
        <Card title={t('products.history')} bordered>
          <Table<ReviewRecord & { i: number }>
            rowKey="i"
            data={[...p.reviewHistory].reverse().map((r, i) => ({ ...r, i }))}
            tableLayout="auto"
            empty={t('common.empty')}
            columns={[
              { colKey: 'at', title: t('common.updatedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.at) },
              {
                colKey: 'decision',
                className: 'nowrap',
                title: t('common.status'),
                cell: ({ row }) => <StatusTag entry={REVIEW_DECISION[row.decision]} />,
              },
              { colKey: 'version', title: t('products.version') },
              { colKey: 'reason', title: t('products.reason'), cell: ({ row }) => row.reason ?? '—' },
              // the reviewer by name; a record kept before reviewers were named says 运营 / Operator
              { colKey: 'operatorName', title: t('products.operator'), cell: ({ row }) => row.operatorName ?? t('products.operatorNeutral') },
            ]}
          />
        </Card>
      </Space>
    </section>
  );
}
