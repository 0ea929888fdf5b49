import type { z } from 'zod';
import type { ApiError } from '../../../shared/api/actions';

/** An error with an HTTP status and the ApiError body to send. */
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

export const unauthorized = (message = 'A valid bearer token is required.') =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You may not do this.') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);

export function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

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
