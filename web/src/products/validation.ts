import type { z } from 'zod';
import { fieldMessageOf, render } from '../../../lib/i18n';
import { createProductBody } from '../../../lib/products/schemas';
import type { MessageKey } from '../i18n/zh-CN';

type Lang = 'zh-CN' | 'en-US';

type Issue = z.core.$ZodIssue;
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * One issue of the API's own schema in words a provider reads: a rule the schema names by its catalogue
 * key (售价不能高于原价, 字段标识不能重复 …) in the console's language, zod's own checks (required, too
 * long, a whole number, a web address) by the console's catalogue with their limits.
 */
export const issueText = (issue: Issue, t: Translate, lang: Lang): string => {
  const keyed = fieldMessageOf(issue.message);
  if (keyed) return render(lang === 'en-US' ? 'en' : 'zh', keyed);
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.minChars', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.minItems', { min });
      return t('validation.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxChars', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.maxItems', { max });
      return t('validation.max', { max });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.required');
    case 'invalid_format':
      return issue.format === 'url' ? t('validation.url') : t('validation.format');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
};

/**
 * The product form checked in the browser with the API's own schema (`createProductBody`, lib/products/schemas.ts):
 * the same limits and rules, so what passes here the API takes; answers `path → message` (`name`,
 * `plans.0.price`, `requirementsTemplate.1.options`), the first message of each path.
 */
export const validateProduct = (body: unknown, t: Translate, lang: Lang): Record<string, string> => {
  const parsed = createProductBody.safeParse(body);
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= issueText(issue, t, lang);
  return out;
};

/** Drops the messages of a field and of everything inside it (`plans.0` drops `plans.0.price`), and of the list that holds it. */
export const withoutField = (errors: Record<string, string>, path: string): Record<string, string> => {
  const parent = path.split('.').slice(0, -1).join('.');
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== path && !k.startsWith(`${path}.`) && (parent === '' || k !== parent)));
};
