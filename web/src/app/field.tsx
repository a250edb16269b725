import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Form } from 'tdesign-react';

/**
 * A labelled form item: TDesign's FormItem does not tie its label to the inner input, so the label is
 * given to the first input/textarea as its accessible name; an API field error shows under the control.
 * The control keeps its own value and onChange: the form holds no state of its own.
 */
export const Field = ({
  label,
  error,
  help,
  required,
  children,
  className,
}: {
  label: string;
  error?: string;
  help?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const control = ref.current?.querySelector('input:not([type=hidden]), textarea, [role=switch], [role=checkbox]');
    if (!control) return;
    control.setAttribute('aria-label', label);
    if (error) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  });
  return (
    <div ref={ref} className={className}>
      <Form.FormItem
        label={label}
        requiredMark={required}
        status={error ? 'error' : undefined}
        tips={error ? <span role="alert">{error}</span> : undefined}
        help={help}
      >
        {/* A fragment: FormItem would otherwise take over its child's value (it injects the form store's
            value, undefined for an item without a name), and controlled inputs would show nothing. */}
        <>{children}</>
      </Form.FormItem>
    </div>
  );
};

/** Gives the controls inside a container accessible names (table cell editors have no visible label). */
export const Labelled = ({ label, children }: { label: string; children: ReactNode }) => {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    ref.current?.querySelector('input:not([type=hidden]), textarea')?.setAttribute('aria-label', label);
  });
  return (
    <span ref={ref} style={{ display: 'block' }}>
      {children}
    </span>
  );
};

/** A TDesign Dialog's name for assistive technology: its own props take no ARIA attributes. */
export const dialogLabel = (label: string): Record<string, string | boolean> => ({ role: 'dialog', 'aria-modal': true, 'aria-label': label });
