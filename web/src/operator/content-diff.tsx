import { diffChars, diffLines, type ChangeObject } from 'diff';
import { useState } from 'react';
import { Space, Switch, Table, Tag } from 'tdesign-react';
import type { ProductContent } from '../api/types';
import { money } from '../app/format';
import { useI18n, type MessageKey } from '../i18n';
import { useNarrow } from '../app/use-narrow';

type Key = keyof ProductContent;
const FIELDS: [Key, MessageKey][] = [
  ['name', 'products.name'],
  ['serviceType', 'products.serviceType'],
  ['delivery', 'products.delivery'],
  ['category', 'form.category'],
  ['tags', 'form.tags'],
  ['summary', 'form.summary'],
  ['logoUrl', 'form.logoUrl'],
  ['deliveryDays', 'form.deliveryDays'],
  ['warrantyDays', 'form.warrantyDays'],
  ['plans', 'form.plans'],
  ['requirementsTemplate', 'form.requirements'],
  ['requirementsBeforeStart', 'form.requirementsBeforeStart'],
  ['description', 'form.description'],
];

/** A field as reviewers read it: one line per plan or form field, money in money, types by name. */
const useFieldText = () => {
  const { t, lang } = useI18n();
  return (c: ProductContent | null | undefined, k: Key): string => {
    if (!c) return '';
    switch (k) {
      case 'serviceType':
        return t(`type.${c.serviceType}`);
      case 'delivery':
        return t(`delivery.${c.delivery}`);
      case 'tags':
        return c.tags.join(' · ');
      case 'requirementsBeforeStart':
        return c.requirementsBeforeStart ? t('common.yes') : t('common.no');
      case 'plans':
        return c.plans
          .map((p) => `${p.name} [${p.planId ?? ''}] · ${p.duration} ${t(`unit.${p.unit}`)} · ${t('form.listPrice')} ${money(p.listPrice, lang)} · ${t('form.price')} ${money(p.price, lang)}`)
          .join('\n');
      case 'requirementsTemplate':
        return c.requirementsTemplate
          .map((f) => `${f.label} (${f.key}) · ${t(`field.${f.type}`)}${f.required ? ` · ${t('form.fieldRequired')}` : ''}${f.options?.length ? ` · ${f.options.join('/')}` : ''}`)
          .join('\n');
      default:
        return String(c[k] ?? '');
    }
  };
};

const MULTILINE: Key[] = ['plans', 'requirementsTemplate', 'description'];

/** The changes of one field, on the side asked: removed parts struck on the live side, added parts marked on the pending side. */
const Side = ({ parts, side }: { parts: ChangeObject<string>[]; side: 'live' | 'pending' }) => (
  <pre className="code-block">
    {parts.map((p, i) =>
      p.added ? (side === 'pending' ? <ins key={i}>{p.value}</ins> : null) : p.removed ? (side === 'live' ? <del key={i}>{p.value}</del> : null) : <span key={i}>{p.value}</span>,
    )}
  </pre>
);

interface Row {
  key: Key;
  label: string;
  changed: boolean;
  parts: ChangeObject<string>[];
}

/**
 * The pending revision against the live version, field by field (the `diff` package: characters for short
 * fields, lines for plans, the form template and the description), differences highlighted.
 */
export const ContentDiff = ({ live, pending }: { live: ProductContent | null; pending: ProductContent }) => {
  const { t } = useI18n();
  const narrow = useNarrow();
  const text = useFieldText();
  const [onlyChanged, setOnlyChanged] = useState(false);
  const rows: Row[] = FIELDS.map(([key, label]) => {
    const a = text(live, key);
    const b = text(pending, key);
    const parts = !live ? [{ value: b, added: false, removed: false, count: 1 }] : MULTILINE.includes(key) ? diffLines(a, b) : diffChars(a, b);
    return { key, label: t(label), changed: Boolean(live) && a !== b, parts };
  });
  const changedCount = rows.filter((r) => r.changed).length;
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {live && (
        <Space align="center">
          <Tag theme={changedCount ? 'warning' : 'default'} variant="light">
            {t('reviews.changedCount', { n: changedCount })}
          </Tag>
          <label className="muted" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch value={onlyChanged} aria-checked={onlyChanged} onChange={(v) => setOnlyChanged(Boolean(v))} aria-label={t('reviews.onlyChanged')} />
            {t('reviews.onlyChanged')}
          </label>
        </Space>
      )}
      <Table<Row>
        className="diff-table"
        rowKey="key"
        data={shown}
        bordered
        tableLayout="fixed"
        // on a phone the two versions keep a readable width and the table scrolls sideways in its card
        tableContentWidth={narrow ? '640px' : undefined}
        aria-label={t('reviews.pending')}
        rowClassName={({ row }) => (row.changed ? 'diff-changed' : '')}
        columns={[
          {
            colKey: 'label',
            title: t('reviews.field'),
            width: 150,
            cell: ({ row }) => (
              <Space direction="vertical" size={2}>
                <span>{row.label}</span>
                {row.changed && (
                  <Tag size="small" theme="warning">
                    ≠
                  </Tag>
                )}
              </Space>
            ),
          },
          ...(live ? [{ colKey: 'live', title: t('reviews.live'), cell: ({ row }: { row: Row }) => <Side parts={row.parts} side="live" /> }] : []),
          { colKey: 'pending', title: t('reviews.pending'), cell: ({ row }) => <Side parts={row.parts} side="pending" /> },
        ]}
      />
    </Space>
  );
};
