import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, databaseUnavailable } from '../core/errors';
import { databaseUnreachableReason } from '../store/database';
import { HttpError, TooManyRequests, httpErrorOf } from './http-errors';

/** How long a client is told to wait before sending again what a 503 refused (a database restart takes seconds). */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorReplyOptions {
  /**
   * Write unexpected errors (the 500s) to stderr. On when Fastify's own logger is off (no `--log`), so a
   * server that failed a request always leaves a trace; with the logger on, the request log has it.
   */
  logToStderr?: boolean;
}

/**
 * Every failure leaves as an ApiError body `{ error, message, issues? }`. Domain refusals get their status
 * here (httpErrorOf); a database that cannot be reached is the domain's `unavailable` (503 with Retry-After,
 * the request can be sent again); Fastify's own 4xx (body too large, rate limited, bad JSON) keep theirs, and
 * anything else is a 500. Every write runs in a transaction, so a 500 leaves the request's unfinished
 * transaction rolled back; work an earlier transaction of the same request committed is said in its reply
 * when there is one (ingest) and is kept.
 */
export function registerErrorReplies(app: FastifyInstance, options: ErrorReplyOptions = {}): void {
  app.setErrorHandler((error: FastifyError | HttpError | DomainError | Error, request, reply) => {
    const unreachable =
      error instanceof DomainError || error instanceof HttpError ? null : databaseUnreachableReason(error);
    if (unreachable) error = databaseUnavailable(unreachable);
    if (error instanceof DomainError) error = httpErrorOf(error);
    if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof HttpError) {
      if (error.statusCode === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.code(error.statusCode).send(error.toBody());
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413)
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: 'The body is too large; send smaller batches.' });
    if (status === 429)
      return reply
        .code(429)
        .send({ error: 'rate_limited', message: 'Too many requests; slow down and retry shortly.' });
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: 'bad_request', message: error.message });
    request.log.error(error);
    if (options.logToStderr) console.error(`500 on ${request.method} ${request.url.split('?')[0]}:`, error);
    return reply.code(500).send({
      error: 'internal',
      message:
        'Something went wrong on the server; the transaction it was in was rolled back and what this reply does not acknowledge may not be stored. Send it again to retry (ingest and keyed actions are idempotent).',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );
}
