import { Tag } from 'tdesign-react';
import type { ProviderProduct } from '../api/types';
import { useI18n } from '../i18n';

type ReviewKind = 'new' | 'revision' | 'relist';

/**
 * What a review is for: a product never listed (新商品), a change to a listed one (修改已上架商品: the API answers
 * its pending `revision`), or a delisted product coming back (重新上架: live content, no listed revision).
 */
/** Of a product or its list row (either says whether there is live content and a listed revision). */
type Reviewed = { live: object | null; revision: ProviderProduct['revision'] };

export const reviewKind = (p: Reviewed): ReviewKind => (!p.live ? 'new' : p.revision ? 'revision' : 'relist');
const KIND_LABEL = { new: 'reviews.kindNew', revision: 'reviews.kindRevision', relist: 'reviews.kindRelist' } as const;
const KIND_THEME = { new: 'primary', revision: 'warning', relist: 'success' } as const;

export const ReviewKindTag = ({ product }: { product: Reviewed }) => {
  const { t } = useI18n();
  const kind = reviewKind(product);
  return (
    <Tag theme={KIND_THEME[kind]} variant="light">
      {t(KIND_LABEL[kind])}
    </Tag>
  );
};
