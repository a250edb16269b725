import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Card, Loading, Radio, Select, Space, Table, Tag, Textarea, Upload, type PrimaryTableCol, type UploadFile } from 'tdesign-react';
import { ApiProblem } from '../api/client';
import type { CodesUploaded, PlanCodeStock, RedemptionCode } from '../api/types';
import { AppLink } from '../app/app-link';
import { Button } from '../app/button';
import { CursorTable } from '../app/cursor-table';
import { Field } from '../app/field';
import { formatTime } from '../app/format';
import { useMemberMay } from '../app/member-roles';
import { ProblemAlert } from '../app/problem';
import { PageError } from '../app/result-page';
import { useI18n } from '../i18n';
import { codeIndexOf, MAX_CODES_PER_UPLOAD, parseCodes } from './codes-input';
import { useOwnProduct, useProductCodes, useUploadCodes } from './hooks';

type PlanStock = PlanCodeStock;
type Code = RedemptionCode;
type Uploaded = CodesUploaded;

/** Below this many codes left the organisation is notified (spec 3.1); the page marks such a plan. */
const LOW_STOCK = 10;

/** 上传兑换码: paste or a .txt/.csv file (one code per line) for one plan; the result, with the refused lines. */
const UploadCodes = ({ productId, plans, planId, onPlan }: { productId: string; plans: PlanStock[]; planId?: string; onPlan: (id: string) => void }) => {
  const { t } = useI18n();
  const upload = useUploadCodes();
  const [source, setSource] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [done, setDone] = useState<Uploaded>();
  const codes = useMemo(() => parseCodes(text), [text]);
  const refused = upload.error instanceof ApiProblem ? upload.error.errors.flatMap((e) => (codeIndexOf(e.path) === undefined ? [] : [{ index: codeIndexOf(e.path)!, message: e.message }])) : [];
  const tooMany = codes.length > MAX_CODES_PER_UPLOAD;
  const readFile = async (list: UploadFile[]) => {
    setFiles(list);
    setDone(undefined);
    upload.reset();
    const raw = list[0]?.raw;
    setText(raw ? await raw.text() : '');
  };
  const send = () => {
    if (!planId || !codes.length || tooMany) return;
    setDone(undefined);
    upload.mutate(
      { productId, planId, codes },
      {
        onSuccess: (answer) => {
          setDone(answer);
          setText('');
          setFiles([]);
        },
      },
    );
  };
  const dropRefused = () => {
    const drop = new Set(refused.map((r) => r.index));
    setText(codes.filter((_, i) => !drop.has(i)).join('\n'));
    upload.reset();
  };
  return (
    <Card title={t('codesPage.upload')} bordered>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Field label={t('codesPage.plan')}>
          <Select value={planId} onChange={(v) => onPlan(String(v))} options={plans.map((p) => ({ value: p.planId, label: p.name }))} />
        </Field>
        <Radio.Group variant="default-filled" value={source} onChange={(v) => setSource(v as 'paste' | 'file')}>
          <Radio.Button value="paste">{t('codesPage.paste')}</Radio.Button>
          <Radio.Button value="file">{t('codesPage.file')}</Radio.Button>
        </Radio.Group>
        {source === 'paste' ? (
          <Field label={t('codesPage.pasteLabel')} help={t('codesPage.pasteHelp')}>
            <Textarea
              value={text}
              autosize={{ minRows: 4, maxRows: 12 }}
              placeholder={'ABCD-1234-EFGH\nIJKL-5678-MNOP'}
              onChange={(v) => {
                setText(String(v));
                setDone(undefined);
              }}
            />
          </Field>
        ) : (
          <Field label={t('codesPage.fileLabel')} help={t('codesPage.fileHelp')}>
            <Upload theme="file" accept=".txt,.csv,text/plain,text/csv" autoUpload={false} files={files} max={1} onChange={(list) => void readFile(list)} />
          </Field>
        )}
        <span className="muted" aria-live="polite">
          {t('codesPage.counted', { count: codes.length })}
          {tooMany && ` · ${t('codesPage.tooMany', { max: MAX_CODES_PER_UPLOAD })}`}
        </span>
        <Space>
          <Button onClick={send} loading={upload.isPending} disabled={!planId || !codes.length || tooMany}>
            {t('codesPage.submit')}
          </Button>
        </Space>
        {done && (
          <Alert
            theme="success"
            title={t('codesPage.added', { count: done.added })}
            message={t('codesPage.stockNow', { stock: done.stock, available: done.available })}
          />
        )}
        {upload.error != null && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <ProblemAlert error={upload.error} showFields={false} />
            {refused.length > 0 && (
              <>
                <Table
                  rowKey="index"
                  size="small"
                  tableLayout="auto"
                  data={refused.map((r) => ({ ...r, code: codes[r.index] ?? '' }))}
                  columns={[
                    { colKey: 'line', title: t('codesPage.line'), className: 'nowrap', cell: ({ row }) => row.index + 1 },
                    { colKey: 'code', title: t('codesPage.code'), cell: ({ row }) => <span className="mono">{row.code}</span> },
                    { colKey: 'message', title: t('codesPage.reason') },
                  ]}
                />
                <Space>
                  <Button variant="outline" onClick={dropRefused}>
                    {t('codesPage.dropRefused')}
                  </Button>
                </Space>
              </>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
};

/**
 * 兑换码 of a code product: each plan's stock (uploaded, sold, left), upload by paste or file for those who
 * manage codes, and a plan's codes, masked, each with the order that got it (for support: never the code).
 */
export default function ProductCodes() {
  const { productId } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const product = useOwnProduct(productId);
  const [planId, setPlanId] = useState<string>();
  const list = useProductCodes(productId, planId);
  const manager = useMemberMay('products');
  if (product.isLoading || list.isLoading) return <Loading loading text={t('common.loading')} />;
  if (product.error || !product.data) return <PageError error={product.error} />;
  const first = list.data?.pages[0];
  const plans = first?.plans ?? [];
  const shown = planId ?? first?.planId ?? undefined;
  const name = product.data.draft?.name ?? product.data.live?.name ?? '';
  const stockColumns: PrimaryTableCol<PlanStock>[] = [
    {
      colKey: 'name',
      title: t('codesPage.plan'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Space size={4} align="center">
          {row.name}
          {row.available < LOW_STOCK && (
            <Tag theme="warning" variant="light" size="small">
              {t('codesPage.low')}
            </Tag>
          )}
        </Space>
      ),
    },
    { colKey: 'stock', title: t('codesPage.stock'), className: 'nowrap' },
    { colKey: 'sold', title: t('codesPage.sold'), className: 'nowrap' },
    { colKey: 'available', title: t('codesPage.available'), className: 'nowrap' },
    {
      colKey: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      cell: ({ row }) => (
        <Button variant="text" theme="primary" size="small" aria-pressed={row.planId === shown} onClick={() => setPlanId(row.planId)}>
          {t('codesPage.show')}
        </Button>
      ),
    },
  ];
  const codeColumns: PrimaryTableCol<Code>[] = [
    { colKey: 'seq', title: '#', className: 'nowrap', width: 70 },
    { colKey: 'masked', title: t('codesPage.code'), className: 'nowrap', cell: ({ row }) => <span className="mono">{row.masked}</span> },
    {
      colKey: 'orderId',
      title: t('codesPage.order'),
      cell: ({ row }) =>
        row.orderId ? (
          <AppLink to={`/provider/orders/${row.orderId}`}>{row.orderId}</AppLink>
        ) : row.soldAt ? (
          <Tag variant="light">{t('codesPage.void')}</Tag>
        ) : (
          <Tag theme="success" variant="light">
            {t('codesPage.unsold')}
          </Tag>
        ),
    },
    { colKey: 'soldAt', title: t('codesPage.soldAt'), className: 'nowrap', cell: ({ row }) => (row.soldAt ? formatTime(row.soldAt) : '—') },
    { colKey: 'uploadedAt', title: t('codesPage.uploadedAt'), className: 'nowrap', cell: ({ row }) => formatTime(row.uploadedAt) },
  ];
  return (
    <section aria-labelledby="codes-title">
      <div className="page-header">
        <h1 id="codes-title">
          {t('codes.title')} · {name}
        </h1>
        <Button variant="outline" onClick={() => navigate(`/provider/products/${productId}`)}>
          {t('common.back')}
        </Button>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {list.error != null && <ProblemAlert error={list.error} />}
        <Card title={t('codesPage.stockTitle')} bordered>
          <Table<PlanStock> rowKey="planId" data={plans} columns={stockColumns} tableLayout="auto" empty={t('common.empty')} />
        </Card>
        {manager && productId && <UploadCodes productId={productId} plans={plans} planId={shown} onPlan={setPlanId} />}
        <Card title={t('codesPage.codesOf', { plan: plans.find((p) => p.planId === shown)?.name ?? '' })} bordered>
          <CursorTable list={list} columns={codeColumns} rowKey="seq" caption={t('codesPage.codesCaption')} prefix="c" />
        </Card>
      </Space>
    </section>
  );
}
