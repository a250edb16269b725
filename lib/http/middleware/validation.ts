import type { z } from 'zod';
import { logger } from '../../observability/logger';
import { NotFoundError } from '../errors';
import { parseOrThrow } from '../validation';
import { stateOf, type HttpMiddleware } from './state';
import { refuseMalformedText } from './body';

/**
 * The path and the query parsed with their zod schemas. An id that cannot exist is simply not found: a path
 * never answers 400. A query that does not parse is 400 naming each field, in the request's language.
 */
export const validation = (schemas: { params?: z.ZodType; query?: z.ZodType }): HttpMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    if (schemas.params) {
      const parsed = schemas.params.safeParse(request.event.pathParameters ?? {});
      if (!parsed.success) throw new NotFoundError('resource');
      state.params = parsed.data;
      logger.appendKeys(parsed.data as Record<string, string>);
    }
    if (schemas.query) refuseMalformedText(request.event.queryStringParameters ?? {});
    if (schemas.query) state.query = parseOrThrow(schemas.query, request.event.queryStringParameters ?? {}, '', state.lang);
  },
});
