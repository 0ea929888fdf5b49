import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AppContext } from './context';
import { registerSecurityHeaders } from './security-headers';
import { HttpError } from '../api/http-errors';
import { createAuthenticator } from '../api/authenticate';
import { registerAdminRoutes } from '../api/routes-admin';
import { registerMeRoutes } from '../api/routes-me';
import { registerActionRoutes } from '../api/routes-actions';
import { registerMetricsRoutes } from '../api/routes-metrics';
import { registerIngestRoutes } from '../api/routes-ingest';
import { registerWebhookRoutes } from '../api/routes-webhooks';
import { registerSupervisorRoutes } from '../api/routes-supervisor';
import { registerOpsRoutes } from '../api/routes-ops';
import { registerWebStatic } from '../api/web-static';
import { registerLiveRoute } from '../live/live-route';
import { registerAdminImportRoute } from '../import/admin-import-route';

export interface BuildAppOptions {
  logger?: boolean;
  /** Extra route plugins (e.g. the importer's admin route) registered with the same context. */
  plugins?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void> | void>;
}

/** The Fastify app: error shape, security headers, auth, every route group. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024, trustProxy: false });

  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send(error.toBody());
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413)
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: 'The body is too large; send smaller batches.' });
    if (status === 429)
      return reply
        .code(429)
        .send({ error: 'rate_limited', message: 'Too many requests; slow down and retry shortly.' });
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: 'bad_request', message: error.message });
    request.log.error(error);
    return reply.code(500).send({
      error: 'internal',
      message: 'Something went wrong on the server; nothing was half-stored, please retry.',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
  );

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
