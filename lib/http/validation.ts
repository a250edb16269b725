import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors';

/** zod issues as the problem document's `errors`: a dotted path and a message each. */
export const fieldErrors = (error: z.ZodError, prefix = ''): FieldError[] =>
  error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: path || '(body)', message: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    return { path: path || '(body)', message: issue.message };
  });

/** Parses with a schema or throws 400 naming every offending field. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error, prefix));
  return parsed.data;
};
