import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, Empty, Loading, Rate, Space, Tag } from 'tdesign-react';
import { Button } from '../app/button';
import { Tabs } from '../app/tabs';
import { isOneOf, SERVICE_TYPES, type CatalogListItem, type RatingSummary, type ServiceType } from '../api/types';
import { money } from '../app/format';
import { ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { lowestPrice, useCatalog } from './hooks';

/** The stars and count of a product's ratings, or nothing when it has none. */
export const RatingLine = ({ rating }: { rating?: RatingSummary }) => {
  const { t } = useI18n();
  if (!rating || !rating.count || rating.average === null) return <span className="muted">{t('catalog.noRating')}</span>;
  return (
    <Space size={6} align="center">
      <Rate value={Math.round(rating.average * 2) / 2} allowHalf disabled size="14px" aria-hidden />
      <span>{rating.average.toFixed(1)}</span>
      <span className="muted">{t('catalog.ratings', { count: rating.count })}</span>
    </Space>
  );
};

const ProductCard = ({ p }: { p: CatalogListItem }) => {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      bordered
      hoverShadow
      className="catalog-card"
      title={<h2 className="card-title">{p.name}</h2>}
      subtitle={p.delivery === 'manual' ? t(`type.${p.serviceType}`) : `${t(`type.${p.serviceType}`)} · ${t(`delivery.${p.delivery}`)}`}
      footer={
        <div className="catalog-card-footer">
          <span>
            <span className="price">{money(lowestPrice(p), lang)}</span> <span className="muted">{t('catalog.from')}</span>
          </span>
          <Button onClick={() => navigate(`/catalog/${p.productId}`)} aria-label={`${t('catalog.view')} ${p.name}`}>
            {t('catalog.view')}
          </Button>
        </div>
      }
    >
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <p className="catalog-summary">{p.summary}</p>
        <Space size={4} breakLine>
          {p.tags.map((tag) => (
            <Tag key={tag} size="small" variant="light">
              {tag}
            </Tag>
          ))}
        </Space>
        <RatingLine rating={p.rating} />
      </Space>
    </Card>
  );
};

/** 服务市场: listed products by service type, as cards, with "load more" on the API's cursor. */
export default function Catalog() {
  const { t } = useI18n();
  const [type, setType] = useState<ServiceType | 'all'>('all');
  const list = useCatalog(type === 'all' ? undefined : type);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="catalog-title">
      <div className="page-header">
        <h1 id="catalog-title">{t('catalog.title')}</h1>
      </div>
      <Tabs
        value={type}
        onChange={(v) => setType(isOneOf(SERVICE_TYPES, v) ? v : 'all')}
        list={[{ value: 'all', label: t('catalog.all') }, ...SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))]}
      />
      <div style={{ marginTop: 16 }}>
        {list.error && <ProblemAlert error={list.error} />}
        {list.isLoading ? (
          <Loading loading text={t('common.loading')} />
        ) : items.length === 0 ? (
          <Empty description={t('catalog.empty')} />
        ) : (
          <div className="catalog-grid">
            {items.map((p) => (
              <ProductCard key={p.productId} p={p} />
            ))}
          </div>
        )}
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {list.hasNextPage && (
            <Button variant="outline" loading={list.isFetchingNextPage} disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}
