import { useId, useState, type ReactNode } from 'react';
import { Dialog, Form, Textarea, Tooltip, type ButtonProps } from 'tdesign-react';
import { Button } from './button';
import { useI18n } from '../i18n';
import { dialogLabel, Field } from './field';
import { fieldErrors, ProblemAlert } from './problem';

/** Variables given as a function take the dialog's text (a reason, a note). */
const isFromText = <V,>(vars: V | ((text: string) => V)): vars is (text: string) => V => typeof vars === 'function';

interface Command<V> {
  mutateAsync: (vars: V) => Promise<unknown>;
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * A button whose action asks to confirm in a dialog (下架 → 确定, 开始实施, 实施完成 …). With `input`, the
 * dialog asks for a text (a reason, a delivery note) that the API validates; its field error shows under it.
 */
export const ConfirmAction = <V,>({
  label,
  title,
  body,
  command,
  vars,
  input,
  theme = 'primary',
  variant,
  size,
  confirmLabel,
  refusal,
  extra,
  busy = false,
  onClose,
}: {
  label: string;
  title?: string;
  body: ReactNode;
  command: Command<V>;
  vars: V | ((text: string) => V);
  input?: { label: string; field: string; required?: boolean; placeholder?: string };
  theme?: ButtonProps['theme'];
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  confirmLabel?: string;
  /** Why the action is not allowed now (the API's answer): the button stays in place, disabled, and says why. */
  refusal?: string;
  /** More of the dialog below the text (the attachments of 实施完成). */
  extra?: ReactNode;
  /** Something the dialog waits for (a file on its way): 确定 waits too. */
  busy?: boolean;
  /** The dialog closed (cancelled or done): what `extra` held is forgotten. */
  onClose?: () => void;
}) => {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const close = () => {
    setOpen(false);
    command.reset();
    onClose?.();
  };
  const confirm = async () => {
    if (command.isPending) return;
    try {
      await command.mutateAsync(isFromText(vars) ? vars(text) : vars);
      setOpen(false);
      setText('');
      onClose?.();
    } catch {
      // shown in the dialog
    }
  };
  const errors = fieldErrors(command.error);
  const reasonId = useId();
  const trigger =
    refusal !== undefined ? (
      // aria-disabled, not disabled: the button keeps its focus and its tooltip, so keyboard and pointer both learn why
      <>
        <Tooltip content={refusal || t('common.notNow')}>
          <Button theme={theme} variant={variant} size={size} className="t-is-disabled" aria-disabled="true" aria-describedby={reasonId} onClick={(e) => e.preventDefault()}>
            {label}
          </Button>
        </Tooltip>
        <span id={reasonId} className="sr-only">
          {refusal || t('common.notNow')}
        </span>
      </>
    ) : (
      <Button theme={theme} variant={variant} size={size} onClick={() => setOpen(true)} disabled={command.isPending}>
        {label}
      </Button>
    );
  return (
    <>
      {trigger}
      <Dialog
        visible={open}
        header={title ?? label}
        onClose={close}
        destroyOnClose
        confirmBtn={{ content: confirmLabel ?? t('common.confirm'), loading: command.isPending, disabled: command.isPending || busy || (input?.required && !text.trim()) }}
        cancelBtn={{ content: t('common.cancel') }}
        onConfirm={() => void confirm()}
        width="min(560px, 94vw)"
        // TDesign passes these to the dialog's card: a labelled modal dialog for assistive technology
        {...dialogLabel(title ?? label)}
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <div>{body}</div>
          {input && (
            <Form labelAlign="top">
              <Field label={input.label} error={errors[input.field]} required={input.required}>
                <Textarea value={text} onChange={(v) => setText(String(v))} autosize={{ minRows: 3, maxRows: 8 }} placeholder={input.placeholder} />
              </Field>
            </Form>
          )}
          {extra}
          {command.error ? <ProblemAlert error={command.error} showFields={!input} /> : null}
        </div>
      </Dialog>
    </>
  );
};
