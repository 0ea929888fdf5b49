import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { personMetrics } from '../actions/person-metrics';
import type { RegisterRoute } from './route-registrar';

/** A person's metrics over a window: admin, the person's supervisor, or the person. */
export function registerMetricsRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'personMetrics', ({ principal, params, query }) =>
    personMetrics(ctx, principal, params.id, query),
  );
}
