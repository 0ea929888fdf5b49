import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { pingDatabase } from '../store/database';
import { bearerFrom } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { requireAdmin, type Authenticator } from './authenticate';

/**
 * Liveness (with a database round trip, open: load balancers probe it) and Prometheus metrics, which are
 * not open: route names and volumes are nobody's business but the operator's. A scraper sends the
 * SIDEKICK_METRICS_TOKEN (so it never needs an admin token); otherwise only an admin may read them.
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext, authenticate: Authenticator): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await pingDatabase(ctx.store);
      return { ok: true, database: ctx.store.dialect };
    } catch {
      return reply.code(503).send({ ok: false, database: ctx.store.dialect });
    }
  });

  app.get('/metrics', async (request, reply) => {
    const bearer = bearerFrom(request.headers.authorization);
    const scraper =
      ctx.config.metricsTokenHash !== null &&
      bearer !== null &&
      hashToken(bearer) === ctx.config.metricsTokenHash;
    if (!scraper) requireAdmin(await authenticate(request));
    ctx.metrics.liveSockets.set(ctx.bus.listenerCount());
    return reply
      .header('content-type', ctx.metrics.registry.contentType)
      .send(await ctx.metrics.registry.metrics());
  });
}
