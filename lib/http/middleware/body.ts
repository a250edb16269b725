import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { msg } from '../../i18n';
import { ValidationError } from '../errors';
import { parseOrThrow } from '../validation';
import { malformedTextPaths } from '../../shared/text';
import { stateOf, type HttpMiddleware } from './state';

/** No real body nests deeper; a deeper one is refused before it is parsed, validated or hashed. */
export const MAX_BODY_DEPTH = 32;

/** How deeply the JSON text nests, counted without parsing it (strings skipped), stopping past `limit`. */
const nestingOf = (text: string, limit: number) => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return depth;
};

/** The JSON body as sent (undefined when there is none); 400 when it nests too deeply or is not JSON. */
export const readJsonBody = (event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (nestingOf(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new ValidationError([{ path: '(body)', message: msg('field.nestedTooDeep', { max: MAX_BODY_DEPTH }) }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: '(body)', message: msg('field.notJson') }]);
  }
  refuseMalformedText(parsed);
  return parsed;
};

/**
 * Every text that enters, at the door: a string (or a key) holding half of a surrogate pair (`"\ud800"` in
 * JSON) is not Unicode — no UTF-8 header, URL or file name can carry it — so it is refused, 400 naming each
 * field, before any schema sees it.
 */
export const refuseMalformedText = (value: unknown, prefix = '') => {
  const paths = malformedTextPaths(value, prefix);
  if (paths.length) throw new ValidationError(paths.map((path) => ({ path, message: msg('field.malformedText') })));
};

/**
 * The body read as JSON (every route: a body that is not JSON is refused even where none is expected) and
 * parsed with the route's schema, a missing body as `{}`: 400 naming each field, in the request's language.
 */
export const jsonBody = (schema?: z.ZodType): HttpMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    state.rawBody = readJsonBody(request.event);
    if (schema) state.body = parseOrThrow(schema, state.rawBody ?? {}, '', state.lang);
  },
});
