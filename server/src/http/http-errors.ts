import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/actions';
import { type DomainError, issuesOf, type RefusalKind } from '../core/errors';

/** An error that only the HTTP edge knows about (a missing header, a bad signature, a rate limit). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
  }

  toBody(): ApiError {
    return { error: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** 429 with the Retry-After header (seconds), and a sentence saying when to retry. */
export class TooManyRequests extends HttpError {
  constructor(
    code: string,
    what: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, `${what}; retry in ${retryAfterSeconds} s.`);
  }
}

/** The one place a domain refusal becomes an HTTP status. */
const STATUS_OF: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rule: 422,
  unavailable: 503,
};

/** A domain error as the HttpError it is answered with. */
export function httpErrorOf(error: DomainError): HttpError {
  return new HttpError(STATUS_OF[error.kind], error.code, error.message, error.issues);
}

export const unauthorized = (message = 'A valid bearer token is required.') =>
  new HttpError(401, 'unauthorized', message);

/** Parses a request part with zod; a bad one becomes 400 naming the path and the reason. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error);
    const first = issues[0];
    throw new HttpError(
      400,
      'invalid_request',
      `The ${what} is invalid${first ? `: ${first.path}: ${first.message}` : ''}.`,
      issues,
    );
  }
  return result.data;
}
