import { lazy, Suspense } from 'react';
import { Descriptions, Space, Table, Tag } from 'tdesign-react';
import type { ProductContent } from '../api/types';
import { useI18n } from '../i18n';

const Markdown = lazy(() => import('./markdown'));

export { money } from '../app/format';
import { money } from '../app/format';

/** One version of a product's listing content; fields that differ from `compare` are marked. */
export const ContentView = ({ content, compare }: { content: ProductContent; compare?: ProductContent | null }) => {
  const { t, lang } = useI18n();
  const changed = (k: keyof ProductContent) => Boolean(compare) && JSON.stringify(compare![k]) !== JSON.stringify(content[k]);
  const mark = (k: keyof ProductContent, label: string) =>
    changed(k) ? (
      <span>
        {label}{' '}
        <Tag size="small" theme="warning" variant="light">
          ≠
        </Tag>
      </span>
    ) : (
      label
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        bordered
        items={[
          { label: mark('name', t('products.name')), content: content.name },
          { label: mark('serviceType', t('products.serviceType')), content: t(`type.${content.serviceType}`) },
          { label: mark('delivery', t('products.delivery')), content: t(`delivery.${content.delivery}`) },
          { label: mark('category', t('form.category')), content: content.category },
          { label: mark('tags', t('form.tags')), content: <Space size={4}>{content.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Space> },
          { label: mark('summary', t('form.summary')), content: content.summary },
          { label: mark('deliveryDays', t('form.deliveryDays')), content: content.deliveryDays },
          { label: mark('warrantyDays', t('form.warrantyDays')), content: content.warrantyDays },
          { label: mark('requirementsBeforeStart', t('form.requirementsBeforeStart')), content: content.requirementsBeforeStart ? t('common.yes') : t('common.no') },
          {
            label: mark('requirementsTemplate', t('form.requirements')),
            content: content.requirementsTemplate.length
              ? content.requirementsTemplate.map((f) => `${f.label} (${t(`field.${f.type}`)}${f.required ? ', *' : ''})`).join('；')
              : '—',
          },
        ]}
      />
      <strong>{mark('plans', t('form.plans'))}</strong>
      <Table
        rowKey="planId"
        size="small"
        data={content.plans}
        columns={[
          { colKey: 'name', title: t('form.planName') },
          { colKey: 'duration', title: t('form.duration'), cell: ({ row }) => `${row.duration} ${t(`unit.${row.unit}`)}` },
          { colKey: 'listPrice', title: t('form.listPrice'), cell: ({ row }) => money(row.listPrice, lang) },
          { colKey: 'price', title: t('form.price'), cell: ({ row }) => money(row.price, lang) },
        ]}
      />
      <strong>{mark('description', t('form.description'))}</strong>
      <div className="markdown-body">
        <Suspense fallback={null}>
          <Markdown text={content.description} />
        </Suspense>
      </div>
    </Space>
  );
};
