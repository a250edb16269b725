import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Alert,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Loading,
  MessagePlugin,
  Select,
  Space,
  Switch,
  Table,
  TagInput,
  Textarea,
  type PrimaryTableCol,
} from 'tdesign-react';
import { Button } from '../app/button';
import { Tabs } from '../app/tabs';
import { FIELD_TYPES, isOneOf, PLAN_UNITS, SERVICE_TYPES, type PlanInput as Plan, type ProductDraft as ProductContent, type RequirementField } from '../api/types';
import { Field, Labelled } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { useCreateProduct, useEditProduct, useOwnProduct, useSubmitProduct } from './hooks';

const Markdown = lazy(() => import('./markdown'));

const emptyContent = (): ProductContent => ({
  name: '',
  serviceType: 'ops_service',
  category: '',
  tags: [],
  summary: '',
  description: '',
  logoUrl: '',
  deliveryDays: 3,
  warrantyDays: 15,
  plans: [{ planId: 'basic', name: '', duration: 1, unit: 'times', listPrice: 0, price: 0 }],
  requirementsTemplate: [],
  requirementsBeforeStart: false,
});

const yuan = (fen: number) => fen / 100;
const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);

/** The product form (商品接入 / 修改): every listing field, the plans table, the requirements-form builder. */
export default function ProductForm() {
  const { productId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const existing = useOwnProduct(productId);
  const create = useCreateProduct();
  const edit = useEditProduct();
  const submit = useSubmitProduct();
  const [content, setContent] = useState<ProductContent>(emptyContent);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [loaded, setLoaded] = useState(!productId);

  useEffect(() => {
    const p = existing.data;
    if (!p || loaded) return;
    const c = p.draft ?? p.live;
    if (c) setContent({ ...emptyContent(), ...c });
    setLoaded(true);
  }, [existing.data, loaded]);

  const set = <K extends keyof ProductContent>(key: K, value: ProductContent[K]) => setContent((c) => ({ ...c, [key]: value }));
  const setPlan = (i: number, patch: Partial<Plan>) => set('plans', content.plans.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const setField = (i: number, patch: Partial<RequirementField>) =>
    set('requirementsTemplate', content.requirementsTemplate.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  const error = create.error ?? edit.error ?? submit.error;
  const errors = fieldErrors(error);
  const pending = create.isPending || edit.isPending || submit.isPending;

  const body = (): ProductContent => ({
    ...content,
    requirementsTemplate: content.requirementsTemplate.map((f) =>
      f.type === 'select' ? f : (({ options: _o, ...rest }) => rest)(f),
    ),
  });

  /** Saves (creates the draft or edits it); with `andSubmit`, 提交 it for review right after. */
  const save = async (andSubmit: boolean) => {
    if (pending) return;
    submit.reset();
    try {
      const saved = productId
        ? await edit.mutateAsync({ productId, body: body() })
        : await create.mutateAsync(body());
      if (andSubmit) {
        await submit.mutateAsync(saved.productId);
        void MessagePlugin.success(t('form.submitted'));
      } else {
        void MessagePlugin.success(t('form.saved'));
      }
      navigate(`/provider/products/${saved.productId}`);
    } catch {
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
  };

  if (productId && existing.isLoading) return <Loading loading text={t('common.loading')} />;
  if (productId && existing.error) return <PageError error={existing.error} />;

  const planColumns: PrimaryTableCol<Plan & { index: number }>[] = [
    {
      colKey: 'planId',
      title: t('form.planId'),
      width: 120,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.planId')} ${rowIndex + 1}`}>
          <Input value={row.planId ?? ''} onChange={(v) => setPlan(rowIndex, { planId: String(v) || undefined })} status={errors[`plans.${rowIndex}.planId`] ? 'error' : undefined} tips={errors[`plans.${rowIndex}.planId`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'name',
      title: t('form.planName'),
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.planName')} ${rowIndex + 1}`}>
          <Input value={row.name} onChange={(v) => setPlan(rowIndex, { name: String(v) })} status={errors[`plans.${rowIndex}.name`] ? 'error' : undefined} tips={errors[`plans.${rowIndex}.name`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'duration',
      title: t('form.duration'),
      width: 110,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.duration')} ${rowIndex + 1}`}>
          <InputNumber theme="normal" min={1} value={row.duration} onChange={(v) => setPlan(rowIndex, { duration: Number(v) })} status={errors[`plans.${rowIndex}.duration`] ? 'error' : undefined} tips={errors[`plans.${rowIndex}.duration`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'unit',
      title: t('form.unit'),
      width: 130,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.unit')} ${rowIndex + 1}`}>
          <Select value={row.unit} onChange={(v) => isOneOf(PLAN_UNITS, v) && setPlan(rowIndex, { unit: v })} options={PLAN_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))} />
        </Labelled>
      ),
    },
    {
      colKey: 'listPrice',
      title: t('form.listPrice'),
      width: 140,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.listPrice')} ${rowIndex + 1}`}>
          <InputNumber theme="normal" min={0} decimalPlaces={2} value={yuan(row.listPrice)} onChange={(v) => setPlan(rowIndex, { listPrice: fen(v) })} status={errors[`plans.${rowIndex}.listPrice`] ? 'error' : undefined} tips={errors[`plans.${rowIndex}.listPrice`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'price',
      title: t('form.price'),
      width: 140,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.price')} ${rowIndex + 1}`}>
          <InputNumber theme="normal" min={0} decimalPlaces={2} value={yuan(row.price)} onChange={(v) => setPlan(rowIndex, { price: fen(v) })} status={errors[`plans.${rowIndex}.price`] ? 'error' : undefined} tips={errors[`plans.${rowIndex}.price`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'remove',
      title: t('common.actions'),
      width: 80,
      fixed: 'right' as const,
      cell: ({ rowIndex }: { rowIndex: number }) => (
        <Button variant="text" theme="danger" disabled={content.plans.length <= 1} onClick={() => set('plans', content.plans.filter((_, j) => j !== rowIndex))}>
          {t('form.remove')}
        </Button>
      ),
    },
  ];

  const fieldColumns: PrimaryTableCol<RequirementField & { index: number }>[] = [
    {
      colKey: 'key',
      title: t('form.fieldKey'),
      width: 150,
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Labelled label={`${t('form.fieldKey')} ${rowIndex + 1}`}>
          <Input value={row.key} onChange={(v) => setField(rowIndex, { key: String(v) })} status={errors[`requirementsTemplate.${rowIndex}.key`] ? 'error' : undefined} tips={errors[`requirementsTemplate.${rowIndex}.key`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'label',
      title: t('form.fieldLabel'),
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Labelled label={`${t('form.fieldLabel')} ${rowIndex + 1}`}>
          <Input value={row.label} onChange={(v) => setField(rowIndex, { label: String(v) })} status={errors[`requirementsTemplate.${rowIndex}.label`] ? 'error' : undefined} tips={errors[`requirementsTemplate.${rowIndex}.label`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'type',
      title: t('form.fieldType'),
      width: 130,
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Labelled label={`${t('form.fieldType')} ${rowIndex + 1}`}>
          <Select value={row.type} onChange={(v) => isOneOf(FIELD_TYPES, v) && setField(rowIndex, { type: v })} options={FIELD_TYPES.map((f) => ({ value: f, label: t(`field.${f}`) }))} status={errors[`requirementsTemplate.${rowIndex}.type`] ? 'error' : undefined} tips={errors[`requirementsTemplate.${rowIndex}.type`]} />
        </Labelled>
      ),
    },
    {
      colKey: 'options',
      title: t('form.fieldOptions'),
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) =>
        row.type === 'select' ? (
          <Labelled label={`${t('form.fieldOptions')} ${rowIndex + 1}`}>
            <Input
              value={(row.options ?? []).join(', ')}
              onChange={(v) => setField(rowIndex, { options: String(v).split(/[,，]/).map((o) => o.trim()).filter(Boolean) })}
              status={errors[`requirementsTemplate.${rowIndex}.options`] ? 'error' : undefined}
              tips={errors[`requirementsTemplate.${rowIndex}.options`]}
            />
          </Labelled>
        ) : (
          <span aria-hidden>—</span>
        ),
    },
    {
      colKey: 'required',
      title: t('form.fieldRequired'),
      width: 100,
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Checkbox checked={row.required} onChange={(v) => setField(rowIndex, { required: Boolean(v) })}>
          <span className="sr-only">{`${t('form.fieldRequired')} ${rowIndex + 1}`}</span>
        </Checkbox>
      ),
    },
    {
      colKey: 'remove',
      title: t('common.actions'),
      width: 80,
      fixed: 'right' as const,
      cell: ({ rowIndex }: { rowIndex: number }) => (
        <Button variant="text" theme="danger" onClick={() => set('requirementsTemplate', content.requirementsTemplate.filter((_, j) => j !== rowIndex))}>
          {t('form.remove')}
        </Button>
      ),
    },
  ];

  const status = existing.data?.status;
  const rejected = existing.data?.revision?.reason ?? existing.data?.rejectionReason;
  return (
    <section aria-labelledby="form-title">
      <div className="page-header">
        <h1 id="form-title">{productId ? `${t('form.edit')} · ${existing.data?.draft?.name ?? existing.data?.live?.name ?? ''}` : t('form.create')}</h1>
        <Button variant="outline" onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {status === 'delisted' && <Alert theme="info" message={t('products.relistHint')} />}
        {rejected && <Alert theme="warning" title={t('products.rejectedReason')} message={rejected} />}
        {error ? (
          <div>
            <Alert theme="error" message={t('form.invalid')} />
            <ProblemAlert error={error} showFields={false} />
          </div>
        ) : null}
        <Form labelAlign="top" onSubmit={() => void save(false)} preventSubmitDefault>
          <Card title={t('form.basics')} bordered>
            <div className="two-columns">
              <Field label={t('products.name')} required error={errors.name}>
                <Input value={content.name} maxlength={30} showLimitNumber onChange={(v) => set('name', String(v))} />
              </Field>
              <Field label={t('products.serviceType')} required error={errors.serviceType}>
                <Select value={content.serviceType} onChange={(v) => isOneOf(SERVICE_TYPES, v) && set('serviceType', v)} options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))} />
              </Field>
              <Field label={t('form.category')} required error={errors.category}>
                <Input value={content.category} onChange={(v) => set('category', String(v))} />
              </Field>
              <Field label={t('form.tags')} required error={errors.tags ?? errors['tags.0']} help={t('form.tagsHelp')}>
                <TagInput value={content.tags} max={3} clearable onChange={(v) => set('tags', v.map(String))} />
              </Field>
              <Field label={t('form.logoUrl')} required error={errors.logoUrl}>
                <Input value={content.logoUrl} placeholder="https://" onChange={(v) => set('logoUrl', String(v))} />
              </Field>
              <div className="two-columns">
                <Field label={t('form.deliveryDays')} required error={errors.deliveryDays}>
                  <InputNumber theme="normal" min={1} max={365} value={content.deliveryDays} onChange={(v) => set('deliveryDays', Number(v))} />
                </Field>
                <Field label={t('form.warrantyDays')} required error={errors.warrantyDays}>
                  <InputNumber theme="normal" min={0} max={3650} value={content.warrantyDays} onChange={(v) => set('warrantyDays', Number(v))} />
                </Field>
              </div>
            </div>
            <Field label={t('form.summary')} required error={errors.summary}>
              <Textarea value={content.summary} maxlength={200} autosize={{ minRows: 2 }} onChange={(v) => set('summary', String(v))} />
            </Field>
            <Tabs value={tab} onChange={(v) => setTab(v === 'preview' ? 'preview' : 'write')}>
              <Tabs.TabPanel value="write" label={t('form.write')}>
                <Field label={t('form.description')} required error={errors.description}>
                  <Textarea value={content.description} autosize={{ minRows: 6, maxRows: 20 }} onChange={(v) => set('description', String(v))} />
                </Field>
              </Tabs.TabPanel>
              <Tabs.TabPanel value="preview" label={t('form.preview')}>
                <div className="markdown-body" style={{ padding: 12, minHeight: 120 }}>
                  <Suspense fallback={<Loading loading />}>
                    <Markdown text={content.description} />
                  </Suspense>
                </div>
              </Tabs.TabPanel>
            </Tabs>
          </Card>
          <Card title={t('form.plans')} bordered style={{ marginTop: 16 }}>
            {errors.plans && <Alert theme="error" message={errors.plans} />}
            <Table<Plan & { index: number }> rowKey="index" data={content.plans.map((p, index) => ({ ...p, index }))} columns={planColumns} tableLayout="fixed" tableContentWidth="900px" />
            <Button variant="dashed" style={{ marginTop: 8 }} disabled={content.plans.length >= 20} onClick={() => set('plans', [...content.plans, { name: '', duration: 1, unit: 'times', listPrice: 0, price: 0 }])}>
              {t('form.addPlan')}
            </Button>
          </Card>
          <Card title={t('form.requirements')} bordered style={{ marginTop: 16 }}>
            <Field label={t('form.requirementsBeforeStart')} error={errors.requirementsBeforeStart}>
              <Switch value={content.requirementsBeforeStart} aria-checked={content.requirementsBeforeStart} onChange={(v) => set('requirementsBeforeStart', Boolean(v))} />
            </Field>
            {errors.requirementsTemplate && <Alert theme="error" message={errors.requirementsTemplate} />}
            <Table<RequirementField & { index: number }>
              rowKey="index"
              data={content.requirementsTemplate.map((f, index) => ({ ...f, index }))}
              columns={fieldColumns}
              tableLayout="fixed"
              tableContentWidth="860px"
              empty={t('common.empty')}
            />
            <Button
              variant="dashed"
              style={{ marginTop: 8 }}
              onClick={() => set('requirementsTemplate', [...content.requirementsTemplate, { key: '', label: '', type: 'text', required: true }])}
            >
              {t('form.addField')}
            </Button>
          </Card>
          <Space style={{ marginTop: 16 }}>
            <Button type="submit" variant="outline" loading={(create.isPending || edit.isPending) && !submit.isPending} disabled={pending}>
              {t('form.save')}
            </Button>
            <Button theme="primary" loading={submit.isPending} disabled={pending} onClick={() => void save(true)}>
              {t('form.saveAndSubmit')}
            </Button>
          </Space>
        </Form>
      </Space>
    </section>
  );
}
