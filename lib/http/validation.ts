import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors';
import { zodErrorMap, type Language } from './language';
import { msg } from '../i18n';

/** zod issues as the problem document's `errors`: a dotted path and a message each. */
export const fieldErrors = (error: z.ZodError, prefix = ''): FieldError[] =>
  error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: path || '(body)', message: msg('field.unknownKeys', { keys: issue.keys }) };
    }
    return { path: path || '(body)', message: issue.message };
  });

/** Parses with a schema or throws 400 naming every offending field (zod's messages in `lang`, English by default). */
export const parseOrThrow = <S extends z.ZodType>(schema: S, value: unknown, prefix = '', lang: Language = 'en'): z.output<S> => {
  const parsed = schema.safeParse(value, { error: zodErrorMap(lang) });
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error, prefix));
  return parsed.data;
};
