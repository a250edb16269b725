import { useState } from 'react';
import { Dialog, Form, Radio, Textarea } from 'tdesign-react';
import { Button } from '../app/button';
import { dialogLabel, Field } from '../app/field';
import { fieldErrors, ProblemAlert } from '../app/problem';
import { useI18n } from '../i18n';
import { isOneOf, RESOLUTION_OUTCOMES, type ResolutionOutcome } from '../api/types';
import { useResolveOrder } from '../orders/hooks';


/** 裁决: the outcome (completed / cancelled with refund / back to implementing) and a note, confirmed in a dialog. */
export const ResolveDialog = ({ orderId }: { orderId: string }) => {
  const { t } = useI18n();
  const resolve = useResolveOrder();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ResolutionOutcome>();
  const [note, setNote] = useState('');
  const errors = fieldErrors(resolve.error);
  const close = () => {
    setOpen(false);
    resolve.reset();
  };
  const confirm = async () => {
    if (resolve.isPending || !outcome) return;
    try {
      await resolve.mutateAsync({ orderId, body: { outcome, note } });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button theme="primary" onClick={() => setOpen(true)}>
        {t('appeals.resolve')}
      </Button>
      <Dialog
        visible={open}
        header={t('appeals.resolve')}
        onClose={close}
        destroyOnClose
        width="min(560px, 94vw)"
        confirmBtn={{ content: t('common.confirm'), loading: resolve.isPending, disabled: resolve.isPending || !outcome || !note.trim() }}
        cancelBtn={{ content: t('common.cancel') }}
        onConfirm={() => void confirm()}
        {...dialogLabel(t('appeals.resolve'))}
      >
        <Form labelAlign="top">
          <p className="muted" style={{ marginTop: 0 }}>
            {t('appeals.resolveBody')}
          </p>
          <Field label={t('appeals.outcome')} required error={errors.outcome}>
            <Radio.Group value={outcome} onChange={(v) => isOneOf(RESOLUTION_OUTCOMES, v) && setOutcome(v)} aria-label={t('appeals.outcome')}>
              {RESOLUTION_OUTCOMES.map((o) => (
                <Radio key={o} value={o}>
                  {t(`appeals.outcome.${o}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Field>
          <Field label={t('appeals.note')} required error={errors.note}>
            <Textarea value={note} onChange={(v) => setNote(String(v))} autosize={{ minRows: 3, maxRows: 8 }} maxlength={2000} />
          </Field>
          {resolve.error && !errors.note && !errors.outcome ? <ProblemAlert error={resolve.error} /> : null}
        </Form>
      </Dialog>
    </>
  );
};
