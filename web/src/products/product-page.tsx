import { useParams } from 'react-router';
import { Card, Loading, Space, Tag } from 'tdesign-react';
import { ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { ContentView } from './content-view';
import { useProductPage } from './hooks';

/** The product page as buyers see it (查看): the approved content only. */
export default function ProductPage() {
  const { productId } = useParams();
  const { t } = useI18n();
  const q = useProductPage(productId);
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <ProblemAlert error={q.error} />;
  const p = q.data;
  return (
    <section aria-labelledby="page-title">
      <div className="page-header">
        <Space align="center">
          {/^https?:/.test(p.logoUrl) && <img src={p.logoUrl} alt="" width={40} height={40} style={{ borderRadius: 6, objectFit: 'cover' }} />}
          <h1 id="page-title">{p.name}</h1>
          <Tag variant="light">{t(`type.${p.serviceType}`)}</Tag>
        </Space>
      </div>
      <Card bordered>
        <ContentView content={p} />
      </Card>
    </section>
  );
}
