/** The domain's error family: thrown anywhere, turned into application/problem+json in one middleware. */
import { fieldMessageOf, msg, render, type FixedKey, type Language, type Msg } from '../i18n';
import type { ActionName, StatusName, Thing } from '../i18n/terms';

/**
 * A field's problem: a catalogue message, or a text already in the reader's language (zod's own, parsed
 * with the request's locale).
 */
export interface FieldError {
  path: string;
  message: Msg | string;
}

/** A problem title's key. */
export type TitleKey = Extract<FixedKey, `title.${string}`>;

/**
 * A refusal: its status, its machine-readable `code`, and its title and detail as catalogue messages,
 * rendered in the request's language only when the problem document is written. `message` is the
 * English detail, for logs.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: TitleKey,
    readonly detail: Msg,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(render('en', detail));
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly errors: FieldError[],
    detail: Msg = msg('detail.invalidFields'),
  ) {
    super(400, 'VALIDATION_FAILED', 'title.validation', detail, { errors });
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, detail: Msg, errors: FieldError[] = []) {
    super(400, code, 'title.badRequest', detail, { errors });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(detail: Msg = msg('detail.tokenRequired')) {
    super(401, 'UNAUTHENTICATED', 'title.unauthenticated', detail, {}, { 'www-authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: Msg = msg('detail.roleForbidden')) {
    super(403, 'FORBIDDEN', 'title.forbidden', detail);
  }
}

/** Separation of duties: nobody buys their own product or decides on anything of their own. */
export class ConflictOfInterestError extends DomainError {
  constructor(detail: Msg) {
    super(403, 'CONFLICT_OF_INTEREST', 'title.conflictOfInterest', detail);
  }
}

/** 404 naming what was not found; `code` is NOT_FOUND unless a more precise one is given. */
export class NotFoundError extends DomainError {
  constructor(thing: Thing, code = 'NOT_FOUND', detail: Msg = msg('detail.notFound', { thing }), extra: Record<string, unknown> = {}) {
    super(404, code, 'title.notFound', detail, extra);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: Msg, extra: Record<string, unknown> = {}) {
    super(409, code, 'title.conflict', detail, extra);
  }
}

/** 409 for an action that the current status does not allow; names the action and the status. */
export class InvalidStateError extends ConflictError {
  constructor(action: ActionName, status: StatusName) {
    super('INVALID_STATE', msg('detail.invalidState', { action, status }), { currentStatus: status });
  }
}

export class ThrottledError extends DomainError {
  constructor(detail: Msg, retryAfterSeconds: number) {
    super(429, 'THROTTLED', 'title.throttled', detail, { retryAfterSeconds }, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

/** 410: the thing existed but can no longer be used (an invitation accepted, revoked or expired). */
export class GoneError extends DomainError {
  constructor(code: string, detail: Msg) {
    super(410, code, 'title.gone', detail);
  }
}

/** A dependency cannot answer right now (the token issuer's key set): the request may succeed later. */
export class ServiceUnavailableError extends DomainError {
  constructor(detail: Msg, retryAfterSeconds: number) {
    super(503, 'SERVICE_UNAVAILABLE', 'title.serviceUnavailable', detail, {}, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** A dependency throttled or failed after the SDK's retries (the database, file storage): 503 with Retry-After. */
export class TemporarilyUnavailableError extends DomainError {
  constructor(detail: Msg = msg('detail.busy'), retryAfterSeconds = 1) {
    super(503, 'TEMPORARILY_UNAVAILABLE', 'title.temporarilyUnavailable', detail, {}, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** Anything unexpected: 500 with no internals. */
export class InternalError extends DomainError {
  constructor() {
    super(500, 'INTERNAL', 'title.internal', msg('detail.internal'));
  }
}

/** A field message in the reader's language: a catalogue message, one a schema names, or zod's own text. */
export const fieldText = (lang: Language, message: Msg | string): string => {
  if (typeof message !== 'string') return render(lang, message);
  const keyed = fieldMessageOf(message);
  return keyed ? render(lang, keyed) : message;
};

/** The problem document of a refusal, its human texts (title, detail, field messages) in `lang`. */
export const problemDocument = (err: DomainError, instance: string, lang: Language) => {
  const { errors, ...extra } = err.extra as { errors?: unknown };
  return {
    type: `https://errors.marketplace.example/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: render(lang, { key: err.title }),
    status: err.status,
    code: err.code,
    detail: render(lang, err.detail),
    instance,
    ...extra,
    ...(Array.isArray(errors)
      ? { errors: (errors as FieldError[]).map((e) => ({ path: e.path, message: fieldText(lang, e.message) })) }
      : {}),
  };
};
