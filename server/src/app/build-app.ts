import Fastify, { type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AppContext } from '../core/context';
import { registerSecurityHeaders } from '../http/security-headers';
import { registerErrorReplies } from '../http/error-replies';
import { createAuthenticator } from '../http/authenticate';
import { registerPairingRoutes } from '../http/routes-pairing';
import { registerAdminRoutes } from '../http/routes-admin';
import { registerConnectionRoutes } from '../http/routes-connections';
import { registerMeRoutes } from '../http/routes-me';
import { registerActionRoutes } from '../http/routes-actions';
import { registerMetricsRoutes } from '../http/routes-metrics';
import { registerIngestRoutes } from '../http/routes-ingest';
import { registerWebhookRoutes } from '../http/routes-webhooks';
import { registerSupervisorRoutes } from '../http/routes-supervisor';
import { registerGrowthPlanRoutes } from '../http/routes-growth-plans';
import { registerRecognitionRoutes } from '../http/routes-recognition';
import { registerOpsRoutes } from '../http/routes-ops';
import { registerWebStatic } from '../http/web-static';
import { registerLiveRoute } from '../http/live-route';
import { createRouteRegistrar } from '../http/route-registrar';
import { refuseUnlistedRoutes } from '../http/route-guard';
import { registerReplyChecks } from '../http/reply-check';
import { registerAdminImportRoute } from '../import/admin-import-route';

export interface BuildAppOptions {
  logger?: boolean;
  /** Extra plugins registered with the same context; any route they add must be in shared/api/routes.ts. */
  plugins?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void> | void>;
}

/** The Fastify app: error shape, security headers, auth, every route group. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  // request.ip (the key of the per-address limits) comes from X-Forwarded-For only when the proxy is trusted.
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
  });

  registerErrorReplies(app, { logToStderr: !options.logger });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  // Static first: its asset files are not API routes, and every route after it must be in the route table.
  await registerWebStatic(app, ctx.config.rendererDir);
  refuseUnlistedRoutes(app);
  if (ctx.config.validateReplies) registerReplyChecks(app);

  const { authenticate, limiter } = createAuthenticator(ctx);
  const route = createRouteRegistrar(ctx, authenticate);
  registerOpsRoutes(app, ctx, route);
  registerAdminRoutes(app, ctx, route);
  registerConnectionRoutes(app, ctx, route);
  registerMeRoutes(app, ctx, route);
  registerActionRoutes(app, ctx, route);
  registerMetricsRoutes(app, ctx, route);
  registerIngestRoutes(app, ctx, route);
  await registerAdminImportRoute(app, ctx, route);
  registerWebhookRoutes(app, ctx, route);
  registerSupervisorRoutes(app, ctx, route);
  registerGrowthPlanRoutes(app, ctx, route);
  registerRecognitionRoutes(app, ctx, route);
  registerPairingRoutes(app, ctx, route, limiter);
  registerLiveRoute(app, ctx, limiter);
  for (const plugin of options.plugins ?? []) await plugin(app, ctx);
  return app;
}
