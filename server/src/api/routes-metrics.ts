import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IsoInstant } from '../../../shared/domain/primitives';
import { computeMetrics } from '../../../shared/domain/metrics';
import type { AppContext } from '../app/context';
import { requireReadablePerson } from '../services/access';
import { loadAgentEvents } from '../engine/event-loader';
import { HttpError, parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

const MetricsQuery = z
  .object({ from: IsoInstant, to: IsoInstant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  });

const MAX_WINDOW_MS = 400 * 86_400_000;

/** GET /api/people/:id/metrics — admin, the person's supervisor, or the person. */
export function registerMetricsRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  authenticate: Authenticator,
): void {
  app.get('/api/people/:id/metrics', async (request) => {
    const principal = await authenticate(request);
    const { id } = parseOr400(z.object({ id: z.string().min(1).max(128) }), request.params, 'path');
    const { from, to } = parseOr400(MetricsQuery, request.query, 'query');
    if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_MS)
      throw new HttpError(400, 'window_too_long', 'Ask for at most 400 days at a time.');
    const person = await requireReadablePerson(ctx.store.db, principal, id);
    const events = await loadAgentEvents(ctx.store.db, person.id, { from, to });
    return computeMetrics({ agentId: person.id, events, window: { from, to }, timezone: person.timezone });
  });
}
