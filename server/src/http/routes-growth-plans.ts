import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { readPlan, recordCheckIn, savePlan, teamPlans } from '../actions/growth-plan-actions';
import type { RegisterRoute } from './route-registrar';

/** Growth plans: the agent writes their own; readers see it only as its owner chose (the action decides). */
export function registerGrowthPlanRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'savePlan', (c) => savePlan(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'personPlan', (c) => readPlan(ctx, c.principal, c.params.id));
  route(app, 'teamPlans', (c) => teamPlans(ctx, c.principal, c.params.teamId));
  route(app, 'recordCheckIn', (c) =>
    recordCheckIn(ctx, c.principal, c.params.personId, c.body, c.idempotencyKey),
  );
}
