import type { FastifyInstance } from 'fastify';
import { IngestBatchBody } from '../../../shared/api/ingest';
import type { AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import { forbidden } from '../core/errors';
import { parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

export const INGEST_BODY_LIMIT = 5 * 1024 * 1024;

/** POST /api/ingest/events — admin or an ingest token; rate-limited per client. */
export function registerIngestRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  authenticate: Authenticator,
): void {
  app.post(
    '/api/ingest/events',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      config: { rateLimit: { max: ctx.config.ingestRatePerMinute, timeWindow: 60_000 } },
    },
    async (request) => {
      const principal = await authenticate(request, { allowIngestToken: true });
      if (principal.role !== 'admin' && principal.tokenKind !== 'ingest')
        throw forbidden('Only admins and ingest tokens may send helpdesk events.');
      const { events } = parseOr400(IngestBatchBody, request.body);
      return ingestEvents(ctx, events);
    },
  );
}
