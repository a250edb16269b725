/** The domain's error family: thrown anywhere, turned into application/problem+json in one middleware. */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export class ValidationError extends DomainError {
  constructor(readonly errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'VALIDATION_FAILED', 'Invalid request', detail, { errors });
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, detail: string, errors: FieldError[] = []) {
    super(400, code, 'Bad request', detail, { errors });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(detail = 'A valid bearer access token is required.') {
    super(401, 'UNAUTHENTICATED', 'Unauthenticated', detail, {}, { 'www-authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail = 'Your role may not perform this action.') {
    super(403, 'FORBIDDEN', 'Forbidden', detail);
  }
}

/** Separation of duties: nobody buys their own product or decides on anything of their own. */
export class ConflictOfInterestError extends DomainError {
  constructor(detail: string) {
    super(403, 'CONFLICT_OF_INTEREST', 'Conflict of interest', detail);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', 'Not found', `${what} was not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: string, extra: Record<string, unknown> = {}) {
    super(409, code, 'Conflict', detail, extra);
  }
}

/** 409 for an action that the current status does not allow; names the status. */
export class InvalidStateError extends ConflictError {
  constructor(action: string, status: string) {
    super('INVALID_STATE', `Cannot ${action} while the status is ${status}.`, { currentStatus: status });
  }
}

export class ThrottledError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(429, 'THROTTLED', 'Too many requests', detail, { retryAfterSeconds }, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

/** A dependency cannot answer right now (the token issuer's key set): the request may succeed later. */
export class ServiceUnavailableError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super(503, 'SERVICE_UNAVAILABLE', 'Service unavailable', detail, {}, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}
