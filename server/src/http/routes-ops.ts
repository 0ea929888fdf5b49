import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { databaseUnreachableReason, pingDatabase } from '../store/database';
import type { RegisterRoute } from './route-registrar';
import { RETRY_AFTER_SECONDS } from './error-replies';

/**
 * Liveness (with a database round trip, open: load balancers probe it) and Prometheus metrics, which are
 * not open: route names and volumes are nobody's business but the operator's. The table lets an admin or a
 * scraper with SIDEKICK_METRICS_TOKEN read them.
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'health', async ({ reply }) => {
    try {
      await pingDatabase(ctx.store);
      return { ok: true, database: ctx.store.dialect, status: 'up' as const };
    } catch (error) {
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({
          ok: false,
          database: ctx.store.dialect,
          status: 'unreachable',
          reason: databaseUnreachableReason(error) ?? 'the database did not answer',
        });
    }
  });

  route(app, 'metrics', async ({ reply }) => {
    ctx.metrics.liveSockets.set(ctx.bus.listenerCount());
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
