import type { Kysely } from 'kysely';
import { GrowthPlan, type PlanFacts } from '../../../../shared/domain/growth-plan-model';
import { CoachingCard, Kudos } from '../../../../shared/domain/people-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

export async function savePlan(db: Kysely<Database>, plan: GrowthPlan): Promise<void> {
  const values = {
    visibility: plan.visibility,
    next_check_in: plan.nextCheckIn,
    body: writeJson(plan),
    updated_at: plan.updatedAt,
  };
  await db
    .insertInto('growth_plans')
    .values({ agent_id: plan.agentId, ...values })
    .onConflict((oc) => oc.column('agent_id').doUpdateSet(values))
    .execute();
}

export async function loadPlan(db: Kysely<Database>, agentId: string): Promise<GrowthPlan | null> {
  const row = await db
    .selectFrom('growth_plans')
    .select('body')
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row ? readJson(GrowthPlan, row.body) : null;
}

/**
 * The plans of a team's agents that are shared with their supervisor ("supervisor" or "team"), with the
 * agent's name and zone. A plan kept to "me" is filtered out in SQL: it is never read for a supervisor.
 */
export async function sharedPlansOfTeam(
  db: Kysely<Database>,
  teamId: string,
): Promise<{ plan: GrowthPlan; name: string; timezone: string }[]> {
  const rows = await db
    .selectFrom('growth_plans')
    .innerJoin('team_members', 'team_members.person_id', 'growth_plans.agent_id')
    .innerJoin('people', 'people.id', 'growth_plans.agent_id')
    .select(['growth_plans.body', 'people.name', 'people.timezone'])
    .where('team_members.team_id', '=', teamId)
    .where('people.role', '=', 'agent')
    .where('growth_plans.visibility', 'in', ['supervisor', 'team'])
    .orderBy('people.name')
    .orderBy('growth_plans.agent_id')
    .execute();
  return rows.map((r) => ({ plan: readJson(GrowthPlan, r.body), name: r.name, timezone: r.timezone }));
}

/** What a plan's evidence is checked against: the agent's completed missions and cards, kudos, milestones. */
export async function planFactsOf(db: Kysely<Database>, agentId: string): Promise<PlanFacts> {
  const [missions, cards, kudos, milestones] = await Promise.all([
    db
      .selectFrom('missions')
      .select('id')
      .where('agent_id', '=', agentId)
      .where('status', '=', 'completed')
      .execute(),
    db.selectFrom('coaching').select('body').where('agent_id', '=', agentId).execute(),
    db.selectFrom('kudos').select(['id', 'body']).where('to_person_id', '=', agentId).execute(),
    db
      .selectFrom('timeline')
      .select('id')
      .where('agent_id', '=', agentId)
      .where('kind', '=', 'career_milestone')
      .execute(),
  ]);
  return {
    completedMissionIds: missions.map((m) => m.id),
    completedCardIds: cards
      .map((c) => readJson(CoachingCard, c.body))
      .filter((c) => c.completedAt !== null)
      .map((c) => c.id),
    kudosReceived: kudos.map((k) => ({ id: k.id, value: readJson(Kudos, k.body).value })),
    careerMilestoneIds: milestones.map((m) => m.id),
  };
}

/** Of the ids a plan names, those that are not the agent's own mission, coaching card or career milestone. */
export async function unknownEvidenceIds(
  db: Kysely<Database>,
  agentId: string,
  ids: { missionIds: string[]; cardIds: string[]; milestoneIds: string[] },
): Promise<{ missionIds: string[]; cardIds: string[]; milestoneIds: string[] }> {
  // Read only when the plan names any: each kind is one query, and none at all for a kind it does not use.
  const missing = async (wanted: string[], read: () => Promise<{ id: string }[]>) => {
    if (wanted.length === 0) return [];
    const have = new Set((await read()).map((r) => r.id));
    return wanted.filter((id) => !have.has(id));
  };
  const ownRows = (table: 'missions' | 'coaching' | 'timeline', wanted: string[]) =>
    db.selectFrom(table).select('id').where('agent_id', '=', agentId).where('id', 'in', wanted);
  return {
    missionIds: await missing(ids.missionIds, () => ownRows('missions', ids.missionIds).execute()),
    cardIds: await missing(ids.cardIds, () => ownRows('coaching', ids.cardIds).execute()),
    milestoneIds: await missing(ids.milestoneIds, () =>
      ownRows('timeline', ids.milestoneIds).where('kind', '=', 'career_milestone').execute(),
    ),
  };
}

/** Which of these agents keep a growth plan (any visibility), in a few reads for many agents. */
export async function agentIdsWithPlans(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < agentIds.length; i += 500) {
    const rows = await db
      .selectFrom('growth_plans')
      .select('agent_id')
      .where('agent_id', 'in', agentIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.agent_id);
  }
  return out;
}
