import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import { verifyZendeskSignature, sameSecret } from '../ingest/zendesk-signature';
import { adaptZendesk, type AdaptResult } from '../ingest/zendesk-adapter';
import { adaptFreshdesk } from '../ingest/freshdesk-adapter';
import { HttpError, unauthorized } from './http-errors';
import { INGEST_BODY_LIMIT } from './routes-ingest';
import type { RegisterRoute } from './route-registrar';
import { countOrRefuse } from './limits';

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The body as JSON; bytes that are not UTF-8 read as U+FFFD (the signature was checked over them as sent). */
function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
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

/** What tells one vendor's webhook from another's: its secret, how a request proves it, how payloads map. */
interface Vendor {
  name: string;
  secret: string | null;
  secretVariable: string;
  /** Whether this request carries the vendor's proof over these exact raw bytes. */
  proven(secret: string, request: FastifyRequest, raw: Buffer): boolean;
  refusal: string;
  adapt: (payload: unknown, receivedAt: string) => AdaptResult;
}

/**
 * Vendor webhooks. The raw body is kept (this scope's own JSON parser returns the bytes, not even decoded)
 * because the Zendesk signature is over the exact bytes. A bad or missing signature / secret is 401 and nothing is stored.
 */
export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  const receive = (vendor: Vendor) => async (request: FastifyRequest) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!vendor.secret)
      throw new HttpError(
        503,
        'not_configured',
        `${vendor.name} webhooks are not configured on this server (set ${vendor.secretVariable}).`,
      );
    if (!vendor.proven(vendor.secret, request, raw)) {
      // Wrong secrets are limited per address like failed sign-ins; the vendor's own deliveries are not.
      await countOrRefuse(ctx, 'webhook-failure', request.ip, ctx.config.authFailuresPerMinute);
      throw unauthorized(vendor.refusal);
    }
    await countOrRefuse(ctx, 'webhook', vendor.name, ctx.config.ingestRatePerMinute);
    const { events, ignored } = adaptAll(parseJson(raw), vendor.adapt, ctx.clock().toISOString());
    const result =
      events.length > 0 ? await ingestEvents(ctx, events) : { accepted: 0, duplicates: 0, rejected: [] };
    return { ...result, ignored };
  };
  const zendesk: Vendor = {
    name: 'Zendesk',
    secret: ctx.config.zendeskSecret,
    secretVariable: 'SIDEKICK_ZENDESK_SECRET',
    proven: (secret, request, raw) =>
      verifyZendeskSignature(
        secret,
        header(request, 'x-zendesk-webhook-signature-timestamp'),
        header(request, 'x-zendesk-webhook-signature'),
        raw,
        Date.now(),
      ),
    refusal: 'The Zendesk webhook signature is missing, wrong or too old.',
    adapt: adaptZendesk,
  };
  const freshdesk: Vendor = {
    name: 'Freshdesk',
    secret: ctx.config.freshdeskSecret,
    secretVariable: 'SIDEKICK_FRESHDESK_SECRET',
    proven: (secret, request) => sameSecret(secret, header(request, 'x-sidekick-secret')),
    refusal: 'The X-Sidekick-Secret header is missing or wrong.',
    adapt: adaptFreshdesk,
  };
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: INGEST_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const limits = { bodyLimit: INGEST_BODY_LIMIT };
    route(scope, 'zendeskWebhook', ({ request }) => receive(zendesk)(request), limits);
    route(scope, 'freshdeskWebhook', ({ request }) => receive(freshdesk)(request), limits);
  });
}
