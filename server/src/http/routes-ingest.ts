import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import type { RegisterRoute } from './route-registrar';
import { countOrRefuse } from './limits';

export const INGEST_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Normalised events from admins or ingest tokens, limited per caller *after* authentication: anonymous or
 * wrong-token requests count as failed sign-ins of their address and never use up the real connector's limit.
 */
export function registerIngestRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(
    app,
    'ingestEvents',
    async ({ body, principal }) => {
      await countOrRefuse(ctx, 'ingest', principal.personId, ctx.config.ingestRatePerMinute);
      return ingestEvents(ctx, body.events);
    },
    { bodyLimit: INGEST_BODY_LIMIT },
  );
}
