import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Avatar, Card, Comment, Descriptions, Dialog, Form, InputNumber, Loading, MessagePlugin, Rate, Space, Table, Tag } from 'tdesign-react';
import { InfoList } from '../app/info-list';
import { Button } from '../app/button';
import type { CatalogItem, Plan, RequirementAnswer, RequirementAnswers } from '../api/types';
import { dialogLabel, Field } from '../app/field';
import { formatTime, money } from '../app/format';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { PageError } from '../app/result-page';
import { useSession } from '../app/session';
import { useI18n } from '../i18n';
import { useProductPage } from '../products/hooks';
import { RatingLine } from './catalog';
import { useBuy, useProductReviews } from './hooks';
import { FieldInput } from '../purchases/requirements-form';
import { AppLink } from '../app/app-link';

const Markdown = lazy(() => import('../products/markdown'));

/**
 * 购买: quantity and total in a confirmation dialog; on success, the new order. A SaaS product's requirements
 * form is answered here (the provider's system receives the answers as `userCollectionInfo` when the instance
 * is created): a required field left empty is refused before sending, and the API's own check of the answers
 * shows under each field.
 */
const BuyDialog = ({ product, plan, onClose }: { product: CatalogItem; plan: Plan; onClose: () => void }) => {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const buy = useBuy();
  const [quantity, setQuantity] = useState(1);
  const [answers, setAnswers] = useState<Record<string, RequirementAnswer | undefined>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  // a file needs an order to be uploaded to: a SaaS product's purchase asks the other field types
  const form = product.delivery === 'saas' ? product.requirementsTemplate.filter((f) => f.type !== 'file') : [];
  const errors = { ...fieldErrors(buy.error), ...missing };
  const confirm = async () => {
    if (buy.isPending) return;
    const clean: RequirementAnswers = {};
    for (const [k, v] of Object.entries(answers)) if (v !== undefined && v !== '') clean[k] = v;
    const empty = Object.fromEntries(form.filter((f) => f.required && clean[f.key] === undefined).map((f) => [`answers.${f.key}`, t('product.answerRequired', { label: f.label })]));
    setMissing(empty);
    if (Object.keys(empty).length) return;
    try {
      const order = await buy.mutateAsync({ productId: product.productId, planId: plan.planId, quantity, ...(form.length ? { answers: clean } : {}) });
      void MessagePlugin.success(t('product.bought'));
      navigate(`/buyer/orders/${order.orderId}`);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Dialog
      visible
      header={t('product.buyTitle', { name: product.name })}
      onClose={onClose}
      confirmBtn={{ content: t('common.confirm'), loading: buy.isPending, disabled: buy.isPending }}
      cancelBtn={{ content: t('common.cancel') }}
      onConfirm={() => void confirm()}
      width="min(480px, 94vw)"
      {...dialogLabel(t('product.buyTitle', { name: product.name }))}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions
          column={1}
          items={[
            { label: t('orders.plan'), content: `${plan.name} · ${plan.duration} ${t(`unit.${plan.unit}`)}` },
            { label: t('order.unitPrice'), content: money(plan.price, lang) },
          ]}
        />
        <Form labelAlign="top" onSubmit={() => void confirm()} preventSubmitDefault>
          <Field label={t('orders.quantity')} error={errors.quantity}>
            <InputNumber value={quantity} min={1} max={100} step={1} decimalPlaces={0} theme="column" onChange={(v) => setQuantity(Math.max(1, Math.min(100, Number(v) || 1)))} />
          </Field>
          {form.length > 0 && <p className="muted">{t('product.saasAnswers')}</p>}
          {form.map((f) => (
            <Field key={f.key} label={f.label} required={f.required} error={errors[`answers.${f.key}`]}>
              <FieldInput
                field={f}
                value={answers[f.key]}
                onChange={(v) => {
                  setAnswers((a) => ({ ...a, [f.key]: v }));
                  setMissing(({ [`answers.${f.key}`]: _done, ...rest }) => rest);
                }}
              />
            </Field>
          ))}
        </Form>
        <div>
          {t('product.total')}：<strong className="price">{money(plan.price * quantity, lang)}</strong>
        </div>
        {product.requirementsBeforeStart && product.requirementsTemplate.length > 0 && <Alert theme="info" message={t('product.requirementsNeeded')} />}
        <p className="muted">{t('product.buyConfirm')}</p>
        {buy.error && !errors.quantity && Object.keys(fieldErrors(buy.error)).every((k) => !k.startsWith('answers.')) ? <ProblemAlert error={buy.error} /> : null}
      </Space>
    </Dialog>
  );
};

/** The ratings of the product, newest first, paged. */
const Reviews = ({ productId }: { productId: string }) => {
  const { t } = useI18n();
  const list = useProductReviews(productId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isLoading) return <Loading loading size="small" text={t('common.loading')} />;
  if (list.error) return <ProblemAlert error={list.error} />;
  if (items.length === 0) return <p className="muted">{t('product.noReviews')}</p>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ol className="review-list" aria-label={t('product.reviews')}>
        {items.map((r, i) => (
          // a public rating names no order: its time and place in the list tell it apart
          <li key={`${r.createdAt}#${i}`}>
            <Comment
              author={<Rate value={r.rating} disabled size="14px" aria-label={`${t('order.rating')} ${r.rating}/5`} />}
              datetime={`${formatTime(r.createdAt)}${r.planName ? ` · ${r.planName}` : ''}`}
              content={r.comment ?? ''}
              reply={r.reply ? <Comment author={t('product.reply')} content={r.reply.text} datetime={formatTime(r.reply.at)} /> : undefined}
            />
          </li>
        ))}
      </ol>
      {list.hasNextPage && (
        <Button variant="outline" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
};

/** Back from the product page to where this role came from: the catalogue for buyers, 商品管理 for its provider. */
const BackLink = ({ productId }: { productId: string }) => {
  const { t } = useI18n();
  const { session } = useSession();
  const roles = session?.roles ?? [];
  // every account but an operator's is a buyer too: a member of an organisation came from 商品管理
  const [to, label] = roles.includes('provider')
    ? [`/provider/products/${productId}`, t('catalog.backToProduct')]
    : roles.includes('buyer')
      ? ['/catalog', t('catalog.back')]
      : ['/operator/search', t('catalog.backToSearch')];
  return <AppLink to={to}>← {label}</AppLink>;
};

/** The product page for buyers: plans with 购买, the Markdown description, delivery and warranty, ratings. */
export default function CatalogProduct() {
  const { productId } = useParams();
  const { t, lang } = useI18n();
  const { session } = useSession();
  const q = useProductPage(productId);
  const [buying, setBuying] = useState<Plan>();
  if (q.isLoading) return <Loading loading text={t('common.loading')} />;
  if (q.error || !q.data) return <PageError error={q.error} />;
  const p = q.data;
  const canBuy = Boolean(session?.roles.includes('buyer'));
  return (
    <section aria-labelledby="product-title">
      <div className="page-header">
        <Space direction="vertical" size={4}>
          <BackLink productId={p.productId} />
          <Space align="center" breakLine>
            <Avatar image={/^https?:/.test(p.logoUrl) ? p.logoUrl : undefined} hideOnLoadFailed shape="round" size="40px" alt="">
              {p.name.slice(0, 1)}
            </Avatar>
            <h1 id="product-title">{p.name}</h1>
            <Tag variant="light" theme="primary">
              {t(`type.${p.serviceType}`)}
            </Tag>
            <Tag variant="light" theme={p.delivery === 'manual' ? 'default' : 'success'}>
              {t(`delivery.${p.delivery}`)}
            </Tag>
          </Space>
          <RatingLine rating={p.rating} />
        </Space>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card bordered>
          <Space direction="vertical" style={{ width: '100%' }}>
            <p style={{ margin: 0 }}>{p.summary}</p>
            <InfoList
              column={lang === 'en-US' ? 2 : 3}
              items={[
                { label: t('form.category'), content: p.category },
                { label: t('product.deliveryDays'), content: t('product.days', { n: p.deliveryDays }) },
                { label: t('product.warrantyDays'), content: t('product.days', { n: p.warrantyDays }) },
                { label: t('form.tags'), content: <Space size={4}>{p.tags.map((tag) => <Tag key={tag} size="small">{tag}</Tag>)}</Space> },
              ]}
            />
          </Space>
        </Card>
        <Card title={t('product.plans')} bordered>
          <Table<Plan>
            rowKey="planId"
            data={p.plans}
            tableLayout="auto"
            aria-label={t('product.plans')}
            columns={[
              { colKey: 'name', title: t('form.planName') },
              { colKey: 'duration', title: t('form.duration'), className: 'nowrap', cell: ({ row }) => `${row.duration} ${t(`unit.${row.unit}`)}` },
              { colKey: 'listPrice', title: t('form.listPrice'), align: 'right', className: 'nowrap', cell: ({ row }) => (row.listPrice > row.price ? <s className="muted">{money(row.listPrice, lang)}</s> : money(row.listPrice, lang)) },
              { colKey: 'price', title: t('form.price'), align: 'right', className: 'nowrap', cell: ({ row }) => <strong className="price">{money(row.price, lang)}</strong> },
              ...(canBuy
                ? [{ colKey: 'buy', title: t('common.actions'), fixed: 'right' as const, cell: ({ row }: { row: Plan }) => <Button size="small" onClick={() => setBuying(row)} aria-label={`${t('product.buy')} ${row.name}`}>{t('product.buy')}</Button> }]
                : []),
            ]}
          />
        </Card>
        <Card title={t('product.description')} bordered>
          <Suspense fallback={<Loading loading size="small" />}>
            <div className="markdown-body"><Markdown text={p.description} /></div>
          </Suspense>
        </Card>
        <Card title={t('product.reviews')} bordered>
          <Reviews productId={p.productId} />
        </Card>
      </Space>
      {buying && <BuyDialog product={p} plan={buying} onClose={() => setBuying(undefined)} />}
    </section>
  );
}
