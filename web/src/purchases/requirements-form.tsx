import { useState } from 'react';
import { Alert, Dialog, Form, Input, InputNumber, Radio, Select, Space } from 'tdesign-react';
import { Button } from '../app/button';
import type { Order, RequirementAnswer as Answer, RequirementAnswers, RequirementField } from '../api/types';
import { dialogLabel, Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { AttachmentUpload } from '../orders/attachment-upload';
import { useSubmitRequirements } from '../orders/hooks';

/** The answers given so far that the form can hold (the API stores what it was sent). */
const answersOf = (stored: Record<string, unknown>): RequirementAnswers => {
  const out: RequirementAnswers = {};
  for (const [k, v] of Object.entries(stored)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  return out;
};

/** One input per field type of the product's requirements template (text, number, boolean, select, file: an order's upload). */
export const FieldInput = ({
  field,
  value,
  onChange,
  onUploading,
  orderId,
}: {
  field: RequirementField;
  value: Answer | undefined;
  onChange: (v: Answer | undefined) => void;
  onUploading?: (busy: boolean) => void;
  /** The order a file answer is uploaded to (before the purchase there is none). */
  orderId?: string;
}) => {
  const { t } = useI18n();
  switch (field.type) {
    case 'number':
      return <InputNumber value={typeof value === 'number' ? value : undefined} onChange={(v) => onChange(v === undefined || v === null || v === '' ? undefined : Number(v))} theme="column" style={{ width: 200 }} />;
    case 'boolean':
      return (
        <Radio.Group value={value === undefined ? undefined : value ? 'yes' : 'no'} onChange={(v) => onChange(v === 'yes')} aria-label={field.label}>
          <Radio value="yes">{t('common.yes')}</Radio>
          <Radio value="no">{t('common.no')}</Radio>
        </Radio.Group>
      );
    case 'select':
      return <Select value={typeof value === 'string' ? value : undefined} clearable placeholder={t('order.choose')} onChange={(v) => onChange(typeof v === 'string' && v ? v : undefined)} options={(field.options ?? []).map((o) => ({ label: o, value: o }))} />;
    case 'file':
      return orderId ? (
        <AttachmentUpload orderId={orderId} max={1} label={t('order.upload')} onChange={(ids) => onChange(ids[0])} onUploading={(busy) => onUploading?.(busy)} />
      ) : null;
    default:
      return <Input value={typeof value === 'string' ? value : undefined} onChange={(v) => onChange(String(v))} maxlength={2000} />;
  }
};

/** 提交需求单: the form rendered from the order's snapshot of the product's template, with a confirmation. */
export const RequirementsForm = ({ order }: { order: Order }) => {
  const { t } = useI18n();
  const template = order.product.requirementsTemplate ?? [];
  const submit = useSubmitRequirements();
  const [answers, setAnswers] = useState<Record<string, Answer | undefined>>(() => answersOf(order.requirements.answers));
  const [open, setOpen] = useState(false);
  // fields whose file is still on its way to storage: 提交需求单 waits for them
  const [uploading, setUploading] = useState<Record<string, boolean>>({});
  const busy = Object.values(uploading).some(Boolean);
  const errors = fieldErrors(submit.error);
  const submitted = order.requirements.status === 'submitted';
  const send = async () => {
    if (submit.isPending || busy) return;
    const clean: RequirementAnswers = {};
    for (const [k, v] of Object.entries(answers)) if (v !== undefined && v !== '') clean[k] = v;
    try {
      await submit.mutateAsync({ orderId: order.orderId, body: { answers: clean } });
    } catch {
      // field errors show under their inputs
    }
    setOpen(false);
  };
  const label = submitted ? t('order.editRequirements') : t('order.submitRequirements');
  if (template.length === 0) return <p className="muted">{t('order.requirementsEmpty')}</p>;
  return (
    <Form labelAlign="top" onSubmit={() => setOpen(true)} preventSubmitDefault aria-label={t('orders.requirements')}>
      {order.requirements.status === 'rejected' && (
        <Alert theme="warning" style={{ marginBottom: 12 }} message={t('order.requirementsRejected', { reason: order.requirements.reason ?? '' })} />
      )}
      {submitted && <Alert theme="success" style={{ marginBottom: 12 }} message={t('order.requirementsSubmitted')} />}
      {template.map((f) => (
        <Field key={f.key} label={f.label} required={f.required} error={errors[`answers.${f.key}`]}>
          <FieldInput
            field={f}
            orderId={order.orderId}
            value={answers[f.key]}
            onChange={(v) => setAnswers((a) => ({ ...a, [f.key]: v }))}
            onUploading={(on) => setUploading((u) => ({ ...u, [f.key]: on }))}
          />
        </Field>
      ))}
      {submit.error && Object.keys(errors).every((k) => !k.startsWith('answers.')) ? <ProblemAlert error={submit.error} /> : null}
      <Space>
        <Button type="submit" loading={submit.isPending || busy} disabled={submit.isPending || busy}>
          {t('order.submitRequirements')}
        </Button>
      </Space>
      <Dialog
        visible={open}
        header={label}
        onClose={() => setOpen(false)}
        confirmBtn={{ content: t('common.confirm'), loading: submit.isPending }}
        cancelBtn={{ content: t('common.cancel') }}
        onConfirm={() => void send()}
        width="min(480px, 94vw)"
        {...dialogLabel(label)}
      >
        {t('order.requirementsConfirm')}
      </Dialog>
    </Form>
  );
};
