import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AssignMissionBody,
  CoachingCardBody,
  MoveIdeaBody,
  RecordMilestoneBody,
  SUPERVISOR_PATHS,
  TeamKudosBody,
} from '../../../shared/api/actions';
import type { AppContext } from '../core/context';
import { assignMission, moveIdea, recordMilestone, writeCoachingCard } from '../actions/supervisor-actions';
import { teamOverview } from '../actions/team-overview';
import { sendTeamKudos } from '../actions/team-kudos';
import { parseOr400 } from './http-errors';
import { idempotencyKey } from './routes-actions';
import type { Authenticator } from './authenticate';

const IdParam = (name: string) => z.object({ [name]: z.string().min(1).max(128) });
const optionalKey = (request: FastifyRequest) =>
  request.headers['idempotency-key'] ? idempotencyKey(request) : null;

/** SUPERVISOR_PATHS: supervisors of the team (or admins) only; agents get 403, other teams' supervisors 403. */
export function registerSupervisorRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  authenticate: Authenticator,
): void {
  app.get(SUPERVISOR_PATHS.teamOverview, async (request, reply) => {
    const principal = await authenticate(request);
    const { teamId } = parseOr400(IdParam('teamId'), request.params, 'path') as { teamId: string };
    return reply.header('cache-control', 'no-store').send(await teamOverview(ctx, principal, teamId));
  });

  app.post(SUPERVISOR_PATHS.assignMission, async (request, reply) => {
    const principal = await authenticate(request);
    return reply
      .code(201)
      .send(
        await assignMission(
          ctx,
          principal,
          parseOr400(AssignMissionBody, request.body),
          optionalKey(request),
        ),
      );
  });

  app.post(SUPERVISOR_PATHS.writeCoachingCard, async (request, reply) => {
    const principal = await authenticate(request);
    return reply
      .code(201)
      .send(
        await writeCoachingCard(
          ctx,
          principal,
          parseOr400(CoachingCardBody, request.body),
          optionalKey(request),
        ),
      );
  });

  app.post(SUPERVISOR_PATHS.moveIdea, async (request) => {
    const principal = await authenticate(request);
    const { ideaId } = parseOr400(IdParam('ideaId'), request.params, 'path') as { ideaId: string };
    return moveIdea(ctx, principal, ideaId, parseOr400(MoveIdeaBody, request.body), optionalKey(request));
  });

  app.post(SUPERVISOR_PATHS.recordMilestone, async (request, reply) => {
    const principal = await authenticate(request);
    const { personId } = parseOr400(IdParam('personId'), request.params, 'path') as { personId: string };
    return reply
      .code(201)
      .send(
        await recordMilestone(
          ctx,
          principal,
          personId,
          parseOr400(RecordMilestoneBody, request.body),
          optionalKey(request),
        ),
      );
  });

  app.post(SUPERVISOR_PATHS.teamKudos, async (request, reply) => {
    const principal = await authenticate(request);
    const { teamId } = parseOr400(IdParam('teamId'), request.params, 'path') as { teamId: string };
    return reply
      .code(201)
      .send(
        await sendTeamKudos(
          ctx,
          principal,
          teamId,
          parseOr400(TeamKudosBody, request.body),
          optionalKey(request),
        ),
      );
  });
}
