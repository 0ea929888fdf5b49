import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import type { RegisterRoute } from './route-registrar';

export const INGEST_BODY_LIMIT = 5 * 1024 * 1024;

/** Normalised events from admins or ingest tokens; rate-limited per client. */
export function registerIngestRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'ingestEvents', ({ body }) => ingestEvents(ctx, body.events), {
    bodyLimit: INGEST_BODY_LIMIT,
    config: { rateLimit: { max: ctx.config.ingestRatePerMinute, timeWindow: 60_000 } },
  });
}
