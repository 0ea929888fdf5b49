import type { ActionAck } from '../../../shared/api/actions';
import type {
  PersonPlan,
  RecordCheckInBody,
  SavePlanBody,
  TeamPlans,
} from '../../../shared/api/growth-plans';
import type { GrowthPlan } from '../../../shared/domain/growth-plan-model';
import {
  nextCheckInAfterSave,
  nextCheckInProblem,
  planDraftProblems,
  planView,
  planVisibleTo,
  type PlanReader,
} from '../../../shared/domain/growth-plans';
import { localDateOf } from '../../../shared/domain/time';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, invalid, notFound } from '../core/errors';
import { canManageTeam, requireSupervisedPerson, requireSupervisor, supervises } from './access';
import { supervisorWrite } from './supervisor-write';
import { recordAchievement } from '../engine/growth-updater';
import { runIdempotentAction } from './idempotent-action';
import { loadPerson, type PersonFull } from '../store/repos/people-repo';
import { loadTeam } from '../store/repos/teams-repo';
import {
  loadPlan,
  planFactsOf,
  savePlan as storePlan,
  sharedPlansOfTeam,
  unknownEvidenceIds,
} from '../store/repos/growth-plans-repo';
import { refreshPlanProgress } from '../engine/plan-progress';
import { checkInsDue } from '../engine/plan-check-ins';

/** Every id the plan's evidence names must be the agent's own, or the plan would count someone else's work. */
async function evidenceProblems(ctx: AppContext, agentId: string, body: SavePlanBody) {
  const evidence = body.skills.flatMap((s, i) =>
    s.evidence.map((e, j) => ({ e, path: `skills.${i}.evidence.${j}` })),
  );
  const unknown = await unknownEvidenceIds(ctx.store.db, agentId, {
    missionIds: evidence.flatMap(({ e }) => (e.kind === 'mission' ? [e.missionId] : [])),
    cardIds: evidence.flatMap(({ e }) => (e.kind === 'coaching' ? [e.cardId] : [])),
    milestoneIds: evidence.flatMap(({ e }) =>
      e.kind === 'certification' && e.milestoneId !== null ? [e.milestoneId] : [],
    ),
  });
  return evidence.flatMap(({ e, path }) => {
    if (e.kind === 'mission' && unknown.missionIds.includes(e.missionId))
      return [{ path: `${path}.missionId`, message: 'not one of your missions' }];
    if (e.kind === 'coaching' && unknown.cardIds.includes(e.cardId))
      return [{ path: `${path}.cardId`, message: 'not one of your coaching cards' }];
    if (e.kind === 'certification' && e.milestoneId !== null && unknown.milestoneIds.includes(e.milestoneId))
      return [{ path: `${path}.milestoneId`, message: 'not one of your career milestones' }];
    return [];
  });
}

/** The agent writes their plan whole; its progress is read from their records and lands on the timeline. */
export async function savePlan(
  ctx: AppContext,
  principal: Principal,
  body: SavePlanBody,
  key: string,
): Promise<ActionAck> {
  const person = await loadPerson(ctx.store.db, principal.personId);
  if (!person) throw forbidden('Only people keep a growth plan; the bootstrap admin does not.');
  const problems = [...planDraftProblems(body), ...(await evidenceProblems(ctx, person.id, body))];
  const first = problems[0];
  if (first) throw invalid(`${first.path}: ${first.message}.`, problems);
  return runIdempotentAction(ctx, person.id, key, 'savePlan', body, async (uow) => {
    const previous = await loadPlan(uow.trx, person.id);
    const { seenCheckInAt, ...draft } = body;
    const plan: GrowthPlan = {
      ...draft,
      nextCheckIn: nextCheckInAfterSave(previous, draft, seenCheckInAt),
      agentId: person.id,
      lastCheckIn: previous?.lastCheckIn ?? null,
      createdAt: previous?.createdAt ?? uow.now,
      updatedAt: uow.now,
    };
    await storePlan(uow.trx, plan);
    await refreshPlanProgress(uow, plan, person.timezone);
    return { id: person.id };
  });
}

/**
 * How the reader stands to the plan's owner, or null when out of reach. "Me and my supervisor" means the
 * agent's supervisor: an admin is not one (they read a plan only as a teammate, when they are in the team).
 */
function readerOf(principal: Principal, owner: PersonFull): PlanReader | null {
  if (principal.personId === owner.id) return 'self';
  if (supervises(principal, owner)) return 'supervisor';
  if (owner.teamIds.some((t) => principal.teamIds.includes(t))) return 'teammate';
  return null;
}

/**
 * One person's plan, for the people its owner chose. Someone outside the owner's teams is refused (403, as
 * for any of the person's data); a plan not shared with the reader is not there for them (404, the same
 * answer as no plan at all, so its existence is not told either).
 */
export async function readPlan(ctx: AppContext, principal: Principal, personId: string): Promise<PersonPlan> {
  const owner = await loadPerson(ctx.store.db, personId);
  if (!owner) throw notFound('The person');
  const reader = readerOf(principal, owner);
  if (!reader) throw forbidden('You may only see the plans of people in your teams, when they share them.');
  const plan = await loadPlan(ctx.store.db, owner.id);
  if (!plan || !planVisibleTo(plan.visibility, reader)) throw notFound('The growth plan');
  const now = ctx.clock().toISOString();
  const facts = await planFactsOf(ctx.store.db, owner.id);
  // What the agent and their supervisor agreed at a check-in is theirs: a teammate sees the plan, not the note.
  const shown = reader === 'teammate' ? { ...plan, lastCheckIn: null } : plan;
  return { ...planView(shown, facts, localDateOf(now, owner.timezone)), name: owner.name };
}

/** The plans a team's agents share with their supervisor, with progress, and the check-ins to be reminded of. */
export async function teamPlans(ctx: AppContext, principal: Principal, teamId: string): Promise<TeamPlans> {
  requireSupervisor(principal);
  if (!(await loadTeam(ctx.store.db, teamId))) throw notFound('The team');
  // Shared "with my supervisor": the team's supervisors, not admins (who manage teams but supervise no one).
  if (principal.role !== 'supervisor' || !canManageTeam(principal, teamId))
    throw forbidden('Only a supervisor of this team sees the plans its agents share with their supervisor.');
  const now = ctx.clock();
  const shared = await sharedPlansOfTeam(ctx.store.db, teamId);
  const plans = [];
  for (const { plan, name, timezone } of shared) {
    const facts = await planFactsOf(ctx.store.db, plan.agentId);
    const view = planView(plan, facts, localDateOf(now.toISOString(), timezone));
    plans.push({ ...view, name, agentId: plan.agentId });
  }
  return { plans, checkInsDue: await checkInsDue(ctx.store.db, teamId, now) };
}

/**
 * The supervisor records a check-in held on a plan the agent shares with them, and the next date agreed. A
 * plan not shared with them is not there (404), as when reading it. The check-in lands on the agent's
 * timeline and the plan is pushed to the agent.
 */
export async function recordCheckIn(
  ctx: AppContext,
  principal: Principal,
  personId: string,
  body: RecordCheckInBody,
  key: string | null,
): Promise<{ id: string }> {
  const agent = await requireSupervisedPerson(ctx.store.db, principal, personId);
  if (!supervises(principal, agent))
    throw forbidden('Only the agent’s supervisor records a check-in on their growth plan.');
  const plan = await loadPlan(ctx.store.db, agent.id);
  if (!plan || !planVisibleTo(plan.visibility, 'supervisor')) throw notFound('The growth plan');
  const problem = nextCheckInProblem(
    body.nextCheckIn,
    localDateOf(ctx.clock().toISOString(), agent.timezone),
  );
  if (problem) throw invalid(problem, [{ path: 'nextCheckIn', message: problem }]);
  const byName = (await loadPerson(ctx.store.db, principal.personId))?.name ?? 'Admin';
  const { ack } = await supervisorWrite(
    ctx,
    principal,
    key,
    'recordCheckIn',
    { personId, body },
    async (uow) => {
      // Read again inside the write: a plan made private since the check above is not the supervisor's to touch.
      const current = await loadPlan(uow.trx, agent.id);
      if (!current || !planVisibleTo(current.visibility, 'supervisor')) throw notFound('The growth plan');
      const next: GrowthPlan = {
        ...current,
        nextCheckIn: body.nextCheckIn,
        lastCheckIn: { at: uow.now, byName, note: body.note },
        updatedAt: uow.now,
      };
      await storePlan(uow.trx, next);
      const entry = timelineEntryFor({
        kind: 'plan_check_in',
        agentId: agent.id,
        byName,
        note: body.note,
        goal: next.goal.text,
        at: uow.now,
      });
      await recordAchievement(uow, entry, null);
      await refreshPlanProgress(uow, next, agent.timezone);
      return { id: entry.id };
    },
  );
  return { id: ack.id ?? '' };
}
