/**
 * Typed domain errors, mapped to HTTP in one place (http-exception.filter.ts).
 * Services throw these; they never build HTTP responses themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    /** A stable machine-readable code, e.g. `posting.illegal_transition`. */
    readonly code: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/** 404: no such object, or outside the caller's scope (never reveal which). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(entity: string) {
    super(`${entity} not found`, `${entity.toLowerCase()}.not_found`);
  }
}

/** 409: duplicate, or a transition the state machine forbids. */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** 400 raised by a service (a rule a DTO validator cannot see, e.g. an unknown skill code). */
export class InvalidInputError extends DomainError {
  readonly status = 400;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, 'validation', [{ field, message }]);
  }
}

/** 403: the role may not do this at all. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message = 'Forbidden') {
    super(message, 'forbidden');
  }
}

/** 401 */
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  constructor(message = 'Unauthorized') {
    super(message, 'unauthorized');
  }
}

/** 429 with Retry-After. */
export class RateLimitedError extends DomainError {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests', 'rate_limited');
  }
}
