import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import { verifyZendeskSignature, sameSecret } from '../ingest/zendesk-signature';
import { adaptZendesk, type AdaptResult } from '../ingest/zendesk-adapter';
import { adaptFreshdesk } from '../ingest/freshdesk-adapter';
import { HttpError, unauthorized } from './http-errors';
import { INGEST_BODY_LIMIT } from './routes-ingest';

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** A webhook may carry one payload or an array of them (Zendesk batches nothing; our own tests and tools may). */
function adaptAll(payload: unknown, adapt: (p: unknown, at: string) => AdaptResult, now: string) {
  const items = Array.isArray(payload) ? payload : [payload];
  const events: Record<string, unknown>[] = [];
  const ignored: string[] = [];
  items.forEach((item, index) => {
    try {
      const r = adapt(item, now);
      events.push(...r.events);
      if (r.ignored) ignored.push(r.ignored);
    } catch (error) {
      throw new HttpError(
        400,
        'invalid_webhook',
        `Item ${index}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  return { events, ignored };
}

/**
 * Vendor webhooks. The raw body is kept (this plugin's own JSON parser returns the string) because the Zendesk
 * signature is over the exact bytes. A bad or missing signature / secret is 401 and nothing is stored.
 */
export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const limit = {
      config: { rateLimit: { max: ctx.config.ingestRatePerMinute, timeWindow: 60_000 } },
      bodyLimit: INGEST_BODY_LIMIT,
    };

    scope.post('/api/ingest/zendesk', limit, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const secret = ctx.config.zendeskSecret;
      if (!secret)
        throw new HttpError(
          503,
          'not_configured',
          'Zendesk webhooks are not configured on this server (set SIDEKICK_ZENDESK_SECRET).',
        );
      const ok = verifyZendeskSignature(
        secret,
        header(request, 'x-zendesk-webhook-signature-timestamp'),
        header(request, 'x-zendesk-webhook-signature'),
        raw,
        Date.now(),
      );
      if (!ok) throw unauthorized('The Zendesk webhook signature is missing, wrong or too old.');
      const { events, ignored } = adaptAll(parseJson(raw), adaptZendesk, ctx.clock().toISOString());
      const result =
        events.length > 0 ? await ingestEvents(ctx, events) : { accepted: 0, duplicates: 0, rejected: [] };
      return reply.send({ ...result, ignored });
    });

    scope.post('/api/ingest/freshdesk', limit, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const secret = ctx.config.freshdeskSecret;
      if (!secret)
        throw new HttpError(
          503,
          'not_configured',
          'Freshdesk webhooks are not configured on this server (set SIDEKICK_FRESHDESK_SECRET).',
        );
      if (!sameSecret(secret, header(request, 'x-sidekick-secret')))
        throw unauthorized('The X-Sidekick-Secret header is missing or wrong.');
      const { events, ignored } = adaptAll(parseJson(raw), adaptFreshdesk, ctx.clock().toISOString());
      const result =
        events.length > 0 ? await ingestEvents(ctx, events) : { accepted: 0, duplicates: 0, rejected: [] };
      return reply.send({ ...result, ignored });
    });
  });
}
