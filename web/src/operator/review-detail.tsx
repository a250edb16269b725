import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Card, Loading, Space } from 'tdesign-react';
import { Button } from '../app/button';
import { InfoList } from '../app/info-list';
import { ConfirmAction } from '../app/confirm-action';
import { formatTime } from '../app/format';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { ContentDiff } from './content-diff';
import { useApprove, useReject, useReviewItem } from './hooks';
import { ReviewHistory } from './review-history';
import { AppLink } from '../app/app-link';
import { ReviewKindTag } from './review-kind';

/**
 * One submission: the pending version against the live one, 通过 / 驳回 (with a reason) for the version read.
 * The page keeps the version it opened with: when the provider withdraws or submits again meanwhile (a live
 * notice refetches it), a banner says so and offers the newer one, and a decision on the version read answers 409.
 */
export default function ReviewDetail() {
  const { productId } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const q = useReviewItem(productId);
  const back = () => navigate('/operator/reviews');
  const approve = useApprove(back);
  const reject = useReject(back);
  const latest = q.data;
  const [opened, setRead] = useState(latest);
  const read = opened && opened.productId === productId ? opened : undefined;
  useEffect(() => {
    if (latest && !read) setRead(latest);
  }, [latest, read]);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error) return <PageError error={q.error} />;
  const p = read ?? latest;
  const changed = Boolean(read) && latest !== undefined && (latest === null || latest.version !== read?.version);
  if (!p || !p.draft) {
    return (
      <Space direction="vertical">
        <AppLink to="/operator/reviews">← {t('reviews.backToQueue')}</AppLink>
        <Alert theme="info" message={t('reviews.empty')} />
      </Space>
    );
  }
  const name = p.draft.name;
  return (
    <section aria-labelledby="review-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <AppLink to="/operator/reviews">← {t('reviews.backToQueue')}</AppLink>
          <Space align="center" breakLine>
            <h1 id="review-title">{t('reviews.detailTitle', { name })}</h1>
            <ReviewKindTag product={p} />
          </Space>
        </Space>
        <Space size={8}>
          <ConfirmAction
            label={t('reviews.approve')}
            theme="success"
            body={t('reviews.approveBody', { version: p.version })}
            command={approve}
            vars={{ productId: p.productId, body: { version: p.version } }}
            confirmLabel={t('reviews.approve')}
          />
          <ConfirmAction
            label={t('reviews.reject')}
            theme="danger"
            variant="outline"
            body={t('reviews.rejectBody')}
            command={reject}
            input={{ label: t('products.reason'), field: 'reason', required: true }}
            vars={(reason: string) => ({ productId: p.productId, body: { version: p.version, reason } })}
            confirmLabel={t('reviews.reject')}
          />
        </Space>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {changed && (
          <Alert
            theme="warning"
            message={
              latest ? (
                <Space direction="vertical" size={4}>
                  {t('reviews.changedSince', { version: latest.version })}
                  <Button variant="text" theme="primary" style={{ padding: 0 }} onClick={() => setRead(latest)}>
                    {t('reviews.readLatest')}
                  </Button>
                </Space>
              ) : (
                t('reviews.goneSince')
              )
            }
          />
        )}
        <Card bordered>
          <InfoList
            column={lang === 'en-US' ? 2 : 3}
            items={[
              { label: 'ID', content: <span className="mono nowrap">{p.productId}</span> },
              { label: t('search.provider'), content: p.providerName ?? '—' },
              { label: t('products.version'), content: `v${p.version}` },
              { label: t('reviews.submittedAt'), content: formatTime(p.submittedAt ?? p.updatedAt) },
              { label: t('common.status'), content: t(`status.${p.status}`) },
            ]}
          />
        </Card>
        <Card title={p.live ? `${t('reviews.live')} ↔ ${t('reviews.pending')}` : t('reviews.pending')} bordered>
          <ContentDiff live={p.live} pending={p.draft} />
        </Card>
        <Card title={t('reviews.history')} bordered>
          <ReviewHistory history={p.reviewHistory ?? []} />
        </Card>
      </Space>
    </section>
  );
}
