import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../app/context';

/** Liveness (with a database round trip) and Prometheus metrics. */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.store.db);
      return { ok: true, database: ctx.store.dialect };
    } catch {
      return reply.code(503).send({ ok: false, database: ctx.store.dialect });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    ctx.metrics.liveSockets.set(ctx.bus.listenerCount());
    return reply.header('content-type', ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });
}
