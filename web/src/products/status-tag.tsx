import { Tag } from 'tdesign-react';
import type { ProductStatus } from '../api/types';
import { useI18n } from '../i18n';

const THEME: Record<ProductStatus, 'default' | 'primary' | 'warning' | 'danger' | 'success'> = {
  draft: 'default',
  in_review: 'warning',
  rejected: 'danger',
  listed: 'success',
  delisted: 'default',
};

export const ProductStatusTag = ({ status }: { status: ProductStatus }) => {
  const { t } = useI18n();
  return (
    <Tag theme={THEME[status]} variant="light">
      {t(`status.${status}`)}
    </Tag>
  );
};
