import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { databaseUnreachableReason, pingDatabase } from '../store/database';
import type { RegisterRoute } from './route-registrar';
import { RETRY_AFTER_SECONDS } from './error-replies';

/**
 * Readiness (database, feed bus, draining) for a load balancer's health check. Liveness (with a database round trip, open: load balancers probe it) and Prometheus metrics, which are
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

  route(app, 'ready', async ({ reply }) => {
    const draining = ctx.lifecycle.isDraining();
    let reason: string | null = draining ? 'this instance is draining (shutting down)' : ctx.bus.problem();
    if (!reason)
      reason = await pingDatabase(ctx.store).then(
        () => null,
        () => 'the database does not answer',
      );
    const body = {
      ok: reason === null,
      database: ctx.store.dialect,
      bus: ctx.bus.kind,
      draining,
      reason,
    };
    return reason === null ? body : reply.code(503).send(body);
  });

  route(app, 'metrics', async ({ reply }) => {
    ctx.metrics.liveSockets.set(ctx.bus.listenerCount());
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
