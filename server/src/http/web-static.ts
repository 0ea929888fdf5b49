import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { apiRoutes } from '../../../shared/api/routes';

/**
 * Serves the built renderer at `/`, so the companion runs in a browser tab too. When renderer/dist is missing,
 * `/` says how to build it instead of failing obscurely.
 */
export async function registerWebStatic(app: FastifyInstance, rendererDir: string): Promise<void> {
  const dir = path.resolve(rendererDir);
  if (fs.existsSync(path.join(dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: dir, prefix: '/', index: ['index.html'], wildcard: false });
    return;
  }
  // The same routes as a built renderer has, so what the server answers for never depends on a build step.
  const notBuilt = async (_request: unknown, reply: FastifyReply) =>
    reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send(
        `The web companion is not built yet. Run "npm run build:renderer" (it writes ${dir}) and restart the server.\n`,
      );
  app.get(apiRoutes.app.path, notBuilt);
  app.get(apiRoutes.appIndex.path, notBuilt);
}
