import { zodErrorMap } from '../../../lib/http/language';
import { fieldMessageOf, render } from '../../../lib/i18n';
import { createProductBody } from '../../../lib/products/schemas';

type Lang = 'zh-CN' | 'en-US';

/**
 * The product form checked in the browser with the API's own schema (`createProductBody`, lib/products/schemas.ts)
 * and the API's own wording of its messages (`zodErrorMap`, lib/http/language.ts; a rule the schema names by key
 * from lib/i18n): the same limits and the same words as the API's answer, in the console's language. Answers
 * `path → message` (`name`, `plans.0.price`, `requirementsTemplate.1.options`), the first message of each path.
 */
export const validateProduct = (body: unknown, lang: Lang): Record<string, string> => {
  const l = lang === 'en-US' ? 'en' : 'zh';
  const parsed = createProductBody.safeParse(body, { error: zodErrorMap(l) });
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const keyed = fieldMessageOf(issue.message);
    out[issue.path.join('.')] ??= keyed ? render(l, keyed) : issue.message;
  }
  return out;
};

/** Drops the messages of a field and of everything inside it (`plans.0` drops `plans.0.price`), and of the list that holds it. */
export const withoutField = (errors: Record<string, string>, path: string): Record<string, string> => {
  const parent = path.split('.').slice(0, -1).join('.');
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== path && !k.startsWith(`${path}.`) && (parent === '' || k !== parent)));
};
