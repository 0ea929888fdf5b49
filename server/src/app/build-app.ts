import Fastify, { type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AppContext } from '../core/context';
import { registerSecurityHeaders } from '../http/security-headers';
import { registerErrorReplies } from '../http/error-replies';
import { createAuthenticator } from '../http/authenticate';
import { registerAdminRoutes } from '../http/routes-admin';
import { registerMeRoutes } from '../http/routes-me';
import { registerActionRoutes } from '../http/routes-actions';
import { registerMetricsRoutes } from '../http/routes-metrics';
import { registerIngestRoutes } from '../http/routes-ingest';
import { registerWebhookRoutes } from '../http/routes-webhooks';
import { registerSupervisorRoutes } from '../http/routes-supervisor';
import { registerOpsRoutes } from '../http/routes-ops';
import { registerWebStatic } from '../http/web-static';
import { registerLiveRoute } from '../http/live-route';
import { registerAdminImportRoute } from '../import/admin-import-route';

export interface BuildAppOptions {
  logger?: boolean;
  /** Extra route plugins (e.g. the importer's admin route) registered with the same context. */
  plugins?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void> | void>;
}

/** The Fastify app: error shape, security headers, auth, every route group. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });

  registerErrorReplies(app);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const { authenticate, limiter } = createAuthenticator(ctx);
  registerOpsRoutes(app, ctx, authenticate);
  registerAdminRoutes(app, ctx, authenticate);
  registerMeRoutes(app, ctx, authenticate);
  registerActionRoutes(app, ctx, authenticate);
  registerMetricsRoutes(app, ctx, authenticate);
  registerIngestRoutes(app, ctx, authenticate);
  await registerAdminImportRoute(app, ctx, authenticate);
  registerWebhookRoutes(app, ctx);
  registerSupervisorRoutes(app, ctx, authenticate);
  registerLiveRoute(app, ctx, limiter);
  for (const plugin of options.plugins ?? []) await plugin(app, ctx);
  await registerWebStatic(app, ctx.config.rendererDir);
  return app;
}
