import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Card,
  Checkbox,
  Dialog,
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
import { DELIVERY_TYPES, FIELD_TYPES, isOneOf, PLAN_UNITS, SERVICE_TYPES, type PlanInput as Plan, type ProductDraft as ProductContent, type RequirementField } from '../api/types';
import { ApiProblem } from '../api/client';
import { dialogLabel, Field, Labelled } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { useCreateProduct, useEditProduct, useOwnProduct, useSubmitProduct } from './hooks';
import { validateProduct, withoutField } from './validation';
import { DELIVERIES_BY_SERVICE_TYPE } from '../../../lib/products/schemas';

const Markdown = lazy(() => import('./markdown'));

const emptyContent = (): ProductContent => ({
  name: '',
  serviceType: 'ops_service',
  delivery: 'manual',
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
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const existing = useOwnProduct(productId);
  const create = useCreateProduct();
  const edit = useEditProduct();
  const submit = useSubmitProduct();
  const [content, setContent] = useState<ProductContent>(emptyContent);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [loaded, setLoaded] = useState(!productId);
  // what the form held when it opened: the form is dirty while it holds something else
  const [initial, setInitial] = useState(() => JSON.stringify(emptyContent()));
  // after a save was tried, the form is checked as it changes; the API's field messages until their field changes
  const [checked, setChecked] = useState(false);
  const [apiErrors, setApiErrors] = useState<Record<string, string>>({});
  const leaving = useRef(false);

  useEffect(() => {
    const p = existing.data;
    if (!p || loaded) return;
    const c = p.draft ?? p.live;
    if (c) {
      const opened = { ...emptyContent(), ...c };
      setContent(opened);
      setInitial(JSON.stringify(opened));
    }
    setLoaded(true);
  }, [existing.data, loaded]);

  const touched = (path: string) => setApiErrors((e) => withoutField(e, path));
  const set = <K extends keyof ProductContent>(key: K, value: ProductContent[K]) => {
    touched(key);
    setContent((c) => ({ ...c, [key]: value }));
  };
  const setPlan = (i: number, patch: Partial<Plan>) => {
    for (const k of Object.keys(patch)) touched(`plans.${i}.${k}`);
    setContent((c) => ({ ...c, plans: c.plans.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  };
  const setField = (i: number, patch: Partial<RequirementField>) => {
    for (const k of Object.keys(patch)) touched(`requirementsTemplate.${i}.${k}`);
    setContent((c) => ({ ...c, requirementsTemplate: c.requirementsTemplate.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  };

  const error = create.error ?? edit.error ?? submit.error;
  const pending = create.isPending || edit.isPending || submit.isPending;

  const body = (): ProductContent => ({
    ...content,
    requirementsTemplate: content.requirementsTemplate.map((f) =>
      f.type === 'select' ? f : (({ options: _o, ...rest }) => rest)(f),
    ),
  });

  // the browser's check with the API's schema, in the console's language, then what the API said of the rest
  const invalid = checked ? validateProduct(body(), lang) : {};
  const errors: Record<string, string> = { ...apiErrors, ...invalid };
  /** A field's message, or the first of anything inside it (`tags` shows `tags.1`). */
  const at = (path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
  // a field refusal is shown at its field: the banner then only says so; any other refusal shows the API's problem
  const fieldRefusal = error instanceof ApiProblem && error.errors.length > 0;
  const dirty = loaded && JSON.stringify(content) !== initial;

  // Back, a menu link or a reload while the form holds unsaved changes asks first
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Saves (creates the draft or edits it); with `andSubmit`, 提交 it for review right after. */
  const save = async (andSubmit: boolean) => {
    if (pending) return;
    submit.reset();
    setChecked(true);
    if (Object.keys(validateProduct(body(), lang)).length > 0) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
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
      leaving.current = true;
      navigate(`/provider/products/${saved.productId}`);
    } catch (err) {
      setApiErrors(fieldErrors(err));
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
          <Input value={row.planId ?? ''} onChange={(v) => setPlan(rowIndex, { planId: String(v) || undefined })} status={at(`plans.${rowIndex}.planId`) ? 'error' : undefined} tips={at(`plans.${rowIndex}.planId`)} />
        </Labelled>
      ),
    },
    {
      colKey: 'name',
      title: t('form.planName'),
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.planName')} ${rowIndex + 1}`}>
          <Input value={row.name} onChange={(v) => setPlan(rowIndex, { name: String(v) })} status={at(`plans.${rowIndex}.name`) ? 'error' : undefined} tips={at(`plans.${rowIndex}.name`)} />
        </Labelled>
      ),
    },
    {
      colKey: 'duration',
      title: t('form.duration'),
      width: 110,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.duration')} ${rowIndex + 1}`}>
          <InputNumber theme="normal" min={1} value={row.duration} onChange={(v) => setPlan(rowIndex, { duration: Number(v) })} status={at(`plans.${rowIndex}.duration`) ? 'error' : undefined} tips={at(`plans.${rowIndex}.duration`)} />
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
          <InputNumber theme="normal" min={0} decimalPlaces={2} value={yuan(row.listPrice)} onChange={(v) => setPlan(rowIndex, { listPrice: fen(v) })} status={at(`plans.${rowIndex}.listPrice`) ? 'error' : undefined} tips={at(`plans.${rowIndex}.listPrice`)} />
        </Labelled>
      ),
    },
    {
      colKey: 'price',
      title: t('form.price'),
      width: 140,
      cell: ({ row, rowIndex }: { row: Plan; rowIndex: number }) => (
        <Labelled label={`${t('form.price')} ${rowIndex + 1}`}>
          <InputNumber theme="normal" min={0} decimalPlaces={2} value={yuan(row.price)} onChange={(v) => setPlan(rowIndex, { price: fen(v) })} status={at(`plans.${rowIndex}.price`) ? 'error' : undefined} tips={at(`plans.${rowIndex}.price`)} />
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
          <Input value={row.key} onChange={(v) => setField(rowIndex, { key: String(v) })} status={at(`requirementsTemplate.${rowIndex}.key`) ? 'error' : undefined} tips={at(`requirementsTemplate.${rowIndex}.key`)} />
        </Labelled>
      ),
    },
    {
      colKey: 'label',
      title: t('form.fieldLabel'),
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Labelled label={`${t('form.fieldLabel')} ${rowIndex + 1}`}>
          <Input value={row.label} onChange={(v) => setField(rowIndex, { label: String(v) })} status={at(`requirementsTemplate.${rowIndex}.label`) ? 'error' : undefined} tips={at(`requirementsTemplate.${rowIndex}.label`)} />
        </Labelled>
      ),
    },
    {
      colKey: 'type',
      title: t('form.fieldType'),
      width: 130,
      cell: ({ row, rowIndex }: { row: RequirementField; rowIndex: number }) => (
        <Labelled label={`${t('form.fieldType')} ${rowIndex + 1}`}>
          <Select value={row.type} onChange={(v) => isOneOf(FIELD_TYPES, v) && setField(rowIndex, { type: v })} options={FIELD_TYPES.map((f) => ({ value: f, label: t(`field.${f}`) }))} status={at(`requirementsTemplate.${rowIndex}.type`) ? 'error' : undefined} tips={at(`requirementsTemplate.${rowIndex}.type`)} />
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
              status={at(`requirementsTemplate.${rowIndex}.options`) ? 'error' : undefined}
              tips={at(`requirementsTemplate.${rowIndex}.options`)}
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
      <Dialog
        visible={blocker.state === 'blocked'}
        header={t('form.unsaved')}
        confirmBtn={{ content: t('form.leave'), theme: 'danger' }}
        cancelBtn={{ content: t('form.stay') }}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
        width="min(480px, 94vw)"
        {...dialogLabel(t('form.unsaved'))}
      >
        {t('form.unsavedBody')}
      </Dialog>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {status === 'delisted' && <Alert theme="info" message={t('products.relistHint')} />}
        {rejected && <Alert theme="warning" title={t('products.rejectedReason')} message={rejected} />}
        {Object.keys(errors).length > 0 ? (
          <div role="alert">
            <Alert theme="error" message={t('form.invalid')} />
          </div>
        ) : null}
        {error && !fieldRefusal ? <ProblemAlert error={error} /> : null}
        <Form labelAlign="top" onSubmit={() => void save(false)} preventSubmitDefault>
          <Card title={t('form.basics')} bordered>
            <div className="two-columns">
              <Field label={t('products.name')} required error={at('name')}>
                <Input value={content.name} maxlength={30} showLimitNumber onChange={(v) => set('name', String(v))} />
              </Field>
              <Field label={t('products.serviceType')} required error={at('serviceType')}>
                <Select
                  value={content.serviceType}
                  onChange={(v) => {
                    if (!isOneOf(SERVICE_TYPES, v)) return;
                    set('serviceType', v);
                    // a delivery the new type does not offer falls back to manual, which every type offers
                    if (!DELIVERIES_BY_SERVICE_TYPE[v].includes(content.delivery ?? 'manual')) set('delivery', 'manual');
                  }}
                  options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
                />
              </Field>
              <Field label={t('products.delivery')} required error={at('delivery')} help={t('products.deliveryHelp')}>
                <Select
                  value={content.delivery ?? 'manual'}
                  onChange={(v) => isOneOf(DELIVERY_TYPES, v) && set('delivery', v)}
                  options={DELIVERY_TYPES.filter((d) => DELIVERIES_BY_SERVICE_TYPE[content.serviceType].includes(d)).map((d) => ({ value: d, label: t(`delivery.${d}`) }))}
                />
              </Field>
              <Field label={t('form.category')} required error={at('category')}>
                <Input value={content.category} onChange={(v) => set('category', String(v))} />
              </Field>
              <Field label={t('form.tags')} required error={at('tags')} help={t('form.tagsHelp')}>
                <TagInput value={content.tags} max={3} clearable onChange={(v) => set('tags', v.map(String))} />
              </Field>
              <Field label={t('form.logoUrl')} required error={at('logoUrl')}>
                <Input value={content.logoUrl} placeholder="https://" onChange={(v) => set('logoUrl', String(v))} />
              </Field>
              <div className="two-columns">
                <Field label={t('form.deliveryDays')} required error={at('deliveryDays')}>
                  <InputNumber theme="normal" min={1} max={365} value={content.deliveryDays} onChange={(v) => set('deliveryDays', Number(v))} />
                </Field>
                <Field label={t('form.warrantyDays')} required error={at('warrantyDays')}>
                  <InputNumber theme="normal" min={0} max={3650} value={content.warrantyDays} onChange={(v) => set('warrantyDays', Number(v))} />
                </Field>
              </div>
            </div>
            <Field label={t('form.summary')} required error={at('summary')}>
              <Textarea value={content.summary} maxlength={200} autosize={{ minRows: 2 }} onChange={(v) => set('summary', String(v))} />
            </Field>
            <Tabs value={tab} onChange={(v) => setTab(v === 'preview' ? 'preview' : 'write')}>
              <Tabs.TabPanel value="write" label={t('form.write')}>
                <Field label={t('form.description')} required error={at('description')}>
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
            <Field label={t('form.requirementsBeforeStart')} error={at('requirementsBeforeStart')}>
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
