import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors';
import { HttpError, TooManyRequests, httpErrorOf } from './http-errors';

/**
 * Every failure leaves as an ApiError body `{ error, message, issues? }`. Domain refusals get their status
 * here (httpErrorOf), Fastify's own 4xx (body too large, rate limited, bad JSON) keep theirs, and anything else
 * is a 500 that says nothing was half-stored (every write runs in one transaction).
 */
export function registerErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | DomainError | Error, request, reply) => {
    if (error instanceof DomainError) error = httpErrorOf(error);
    if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof HttpError) return reply.code(error.statusCode).send(error.toBody());
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
    return reply.code(500).send({
      error: 'internal',
      message: 'Something went wrong on the server; nothing was half-stored, please retry.',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );
}
