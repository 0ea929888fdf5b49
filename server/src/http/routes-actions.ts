import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { acceptOffer, replyCoaching, submitIdea, tickTask, updateProfile } from '../actions/agent-actions';
import { markKudosRead, sendKudos, thankKudos } from '../actions/kudos-actions';
import { answerConsultation } from '../actions/consultation-actions';
import type { RegisterRoute } from './route-registrar';

/** The agent's own actions, each idempotent by its (required) Idempotency-Key. */
export function registerActionRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'sendKudos', (c) => sendKudos(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'thankKudos', (c) => thankKudos(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'markKudosRead', (c) => markKudosRead(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'acceptOffer', (c) => acceptOffer(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'updateProfile', (c) => updateProfile(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'tickTask', (c) => tickTask(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'replyCoaching', (c) => replyCoaching(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'submitIdea', (c) => submitIdea(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'answerConsultation', (c) => answerConsultation(ctx, c.principal, c.body, c.idempotencyKey));
}
