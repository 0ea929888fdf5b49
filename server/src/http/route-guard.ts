import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';

/**
 * Every route the server answers is in the route table (shared/api/routes.ts): a route registered any other
 * way stops the server from starting, so the table, the auth-matrix test built on it and the API reference
 * cannot fall behind. Registered after the static renderer (its asset files are not API routes); HEAD is the
 * automatic twin of each GET.
 */
export function refuseUnlistedRoutes(app: FastifyInstance): void {
  const listed = new Set(Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`));
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      if (method !== 'HEAD' && !listed.has(key))
        throw new Error(`${key} is not in the route table (shared/api/routes.ts); add it there first`);
    }
  });
}
