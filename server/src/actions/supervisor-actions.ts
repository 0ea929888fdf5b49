import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { missionSpecProblems } from '../../../shared/domain/mission-spec-rules';
import type {
  AssignMissionBody,
  CoachingCardBody,
  MoveIdeaBody,
  RecordMilestoneBody,
} from '../../../shared/api/actions';
import type { CoachingCard } from '../../../shared/domain/people-model';
import type { Mission } from '../../../shared/domain/mission-model';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, invalid, notFound } from '../core/errors';
import { canManageTeam, requireSupervisedPerson, requireSupervisor } from './access';
import { loadPerson, type PersonFull } from '../store/repos/people-repo';
import { teamAgentIds } from '../store/repos/teams-repo';
import { loadIdea, saveCard, saveIdea } from '../store/repos/coaching-ideas-repo';
import { feedIdea } from './agent-actions';
import { refreshMission } from '../engine/mission-refresh';
import { recordAchievement } from '../engine/growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { supervisorWrite } from './supervisor-write';

const once = supervisorWrite;

async function authorName(ctx: AppContext, principal: Principal): Promise<string> {
  return (await loadPerson(ctx.store.db, principal.personId))?.name ?? 'Admin';
}

/** Missions for named agents or a whole team; each agent gets their own mission row and feed entry. */
export async function assignMission(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof AssignMissionBody>,
  key: string | null,
): Promise<{ missionIds: string[] }> {
  requireSupervisor(principal);
  const agents = new Map<string, PersonFull>();
  for (const agentId of body.agentIds)
    agents.set(agentId, await requireSupervisedPerson(ctx.store.db, principal, agentId));
  if (body.teamId) {
    if (!canManageTeam(principal, body.teamId)) throw forbidden('You do not supervise this team.');
    for (const agentId of await teamAgentIds(ctx.store.db, body.teamId)) {
      const person = await loadPerson(ctx.store.db, agentId);
      if (person) agents.set(agentId, person);
    }
  }
  // Who may be given a mission is settled first (a refusal is a 403 whatever the spec says). The schema
  // (MissionSpec) judged everything a spec says on its own; only the clock can tell it is already over.
  const problems = missionSpecProblems(body.spec, { now: ctx.clock().toISOString() });
  const first = problems[0];
  if (first)
    throw invalid(
      first.message,
      problems.map((p) => ({ path: ['spec', ...p.path].join('.'), message: p.message })),
    );
  if (agents.size === 0)
    throw invalid('Name at least one agent or a team with agents.', [
      { path: 'agentIds', message: 'no agents' },
    ]);
  // A replay answers with the missions the first request created (remembered with its key), not with none.
  const { ids } = await once(ctx, principal, key, 'assignMission', body, async (uow) => {
    const missionIds: string[] = [];
    for (const person of agents.values()) {
      const mission: Mission = {
        ...body.spec,
        id: randomUUID(),
        scope: body.teamId ? 'team' : 'agent',
        agentId: person.id,
        teamId: body.teamId ?? person.teamIds[0] ?? null,
        origin: 'supervisor',
        kind: null,
        status: 'active',
        createdAt: uow.now,
        settledAt: null,
      };
      await refreshMission(uow, mission, person.timezone, true);
      missionIds.push(mission.id);
    }
    return { id: missionIds[0] ?? null, ids: missionIds };
  });
  return { missionIds: ids };
}

export async function writeCoachingCard(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof CoachingCardBody>,
  key: string | null,
): Promise<{ id: string }> {
  const agent = await requireSupervisedPerson(ctx.store.db, principal, body.agentId);
  const name = await authorName(ctx, principal);
  const { ack } = await once(ctx, principal, key, 'writeCoachingCard', body, async (uow) => {
    const card: CoachingCard = {
      id: randomUUID(),
      agentId: agent.id,
      authorId: principal.personId,
      authorName: name,
      focusMetric: body.focusMetric,
      current: body.current,
      potential: body.potential,
      advice: body.advice,
      tasks: body.tasks.map((t) => ({ id: randomUUID(), text: t.text, due: t.due, doneAt: null })),
      replies: [],
      createdAt: uow.now,
      completedAt: null,
    };
    await saveCard(uow.trx, card, uow.now);
    uow.feed(agent.id, 'coaching.upserted', card);
    return { id: card.id };
  });
  return { id: ack.id ?? '' };
}

/** new → heard → planned → done / declined; "done" thanks the (named) author on their timeline. */
export async function moveIdea(
  ctx: AppContext,
  principal: Principal,
  ideaId: string,
  body: z.infer<typeof MoveIdeaBody>,
  key: string | null,
): Promise<{ id: string }> {
  requireSupervisor(principal);
  const idea = await loadIdea(ctx.store.db, ideaId);
  if (!idea) throw notFound('The idea');
  if (idea.teamId ? !canManageTeam(principal, idea.teamId) : principal.role !== 'admin')
    throw forbidden('This idea belongs to a team you do not supervise.');
  await once(ctx, principal, key, 'moveIdea', { ideaId, body }, async (uow) => {
    const next = {
      ...idea,
      status: body.status,
      response: body.response ?? idea.response,
      updatedAt: uow.now,
    };
    await saveIdea(uow.trx, next);
    await feedIdea(uow, next, next.authorId);
    if (body.status === 'done' && idea.status !== 'done' && next.authorId) {
      const entry = timelineEntryFor({
        kind: 'idea_adopted',
        agentId: next.authorId,
        idea: next,
        at: uow.now,
      });
      await recordAchievement(uow, entry, null);
    }
    return { id: next.id };
  });
  return { id: idea.id };
}

export async function recordMilestone(
  ctx: AppContext,
  principal: Principal,
  personId: string,
  body: z.infer<typeof RecordMilestoneBody>,
  key: string | null,
): Promise<{ id: string }> {
  const person = await requireSupervisedPerson(ctx.store.db, principal, personId);
  const { ack } = await once(ctx, principal, key, 'recordMilestone', { personId, body }, async (uow) => {
    const entry = timelineEntryFor({
      kind: 'career_milestone',
      agentId: person.id,
      milestoneId: randomUUID(),
      milestone: { ...body, at: new Date(body.at).toISOString() },
    });
    await recordAchievement(uow, entry, null);
    return { id: entry.id };
  });
  return { id: ack.id ?? '' };
}
