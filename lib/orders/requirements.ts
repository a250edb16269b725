import type { FieldError } from '../http/errors';
import { msg } from '../i18n';
import type { ProductContent } from '../products/schemas';

/** Checks requirement answers against the product's form (需求单模板); each problem names its field. */
export const validateAnswers = (
  template: ProductContent['requirementsTemplate'],
  answers: Record<string, unknown>,
  attachmentIds: ReadonlySet<string> = new Set(),
): FieldError[] => {
  const errors: FieldError[] = [];
  const known = new Set(template.map((f) => f.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors.push({ path: `answers.${key}`, message: msg('field.notInForm') });
  }
  for (const field of template) {
    // own properties only: a field named `constructor` must not find Object.prototype's
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    const path = `answers.${field.key}`;
    if (value === undefined || value === '') {
      if (field.required) errors.push({ path, message: msg('field.required', { label: field.label }) });
      continue;
    }
    const ok =
      field.type === 'text'
        ? typeof value === 'string'
        : field.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : field.type === 'boolean'
            ? typeof value === 'boolean'
            : field.type === 'file'
              ? typeof value === 'string' && attachmentIds.has(value)
              : typeof value === 'string' && (field.options ?? []).includes(value);
    if (!ok) {
      const { label } = field;
      errors.push({
        path,
        message:
          field.type === 'select'
            ? msg('field.oneOf', { label, options: field.options ?? [] })
            : field.type === 'file'
              ? msg('field.orderAttachment', { label })
              : msg('field.ofType', { label, type: field.type }),
      });
    }
  }
  return errors;
};
