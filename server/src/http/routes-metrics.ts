import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IsoInstant } from '../../../shared/domain/primitives';
import type { AppContext } from '../core/context';
import { personMetrics } from '../actions/person-metrics';
import { parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

const MetricsQuery = z
  .object({ from: IsoInstant, to: IsoInstant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  });

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
    return personMetrics(ctx, principal, id, { from, to });
  });
}
