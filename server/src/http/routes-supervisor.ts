import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { assignMission, moveIdea, recordMilestone, writeCoachingCard } from '../actions/supervisor-actions';
import { teamOverview } from '../actions/team-overview';
import { teamCoaching } from '../actions/team-coaching';
import { teamBriefing } from '../actions/weekly-recap-reads';
import { sendTeamKudos } from '../actions/team-kudos';
import { askTeam, decideConsultation } from '../actions/consultation-actions';
import type { RegisterRoute } from './route-registrar';

/** Supervisors of the team (or admins) only; the actions refuse agents and other teams' supervisors (403). */
export function registerSupervisorRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'teamOverview', (c) => teamOverview(ctx, c.principal, c.params.teamId));
  route(app, 'teamBriefing', (c) => teamBriefing(ctx, c.principal, c.params.teamId));
  route(app, 'teamCoaching', (c) => teamCoaching(ctx, c.principal, c.params.teamId));
  route(app, 'assignMission', (c) => assignMission(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'writeCoachingCard', (c) => writeCoachingCard(ctx, c.principal, c.body, c.idempotencyKey));
  route(app, 'moveIdea', (c) => moveIdea(ctx, c.principal, c.params.ideaId, c.body, c.idempotencyKey));
  route(app, 'recordMilestone', (c) =>
    recordMilestone(ctx, c.principal, c.params.personId, c.body, c.idempotencyKey),
  );
  route(app, 'askTeam', (c) => askTeam(ctx, c.principal, c.params.teamId, c.body, c.idempotencyKey));
  route(app, 'decideConsultation', (c) =>
    decideConsultation(ctx, c.principal, c.params.consultationId, c.body, c.idempotencyKey),
  );
  route(app, 'teamKudos', (c) => sendTeamKudos(ctx, c.principal, c.params.teamId, c.body, c.idempotencyKey));
}
