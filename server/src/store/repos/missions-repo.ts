import type { Kysely } from 'kysely';
import { Mission, MissionProgress, type MissionView } from '../../../../shared/domain/mission-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';
import { toIsoUtc } from '../time';

function missionRow(view: MissionView, now: string) {
  const { mission, progress } = view;
  return {
    id: mission.id,
    agent_id: mission.agentId,
    team_id: mission.teamId,
    status: mission.status,
    // Normalised to UTC so text comparison is time comparison ("due" queries).
    window_start: toIsoUtc(mission.window.start),
    window_end: toIsoUtc(mission.window.end),
    body: writeJson(mission),
    progress: writeJson(progress),
    updated_at: now,
  };
}

export async function saveMission(db: Kysely<Database>, view: MissionView, now: string): Promise<void> {
  const { id, ...values } = missionRow(view, now);
  await db
    .insertInto('missions')
    .values({ id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** saveMission for many missions (each id once), one multi-row upsert per 200. */
export async function saveMissions(
  db: Kysely<Database>,
  views: readonly MissionView[],
  now: string,
): Promise<void> {
  const rows = views.map((v) => missionRow(v, now));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('missions')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          agent_id: eb.ref('excluded.agent_id'),
          team_id: eb.ref('excluded.team_id'),
          status: eb.ref('excluded.status'),
          window_start: eb.ref('excluded.window_start'),
          window_end: eb.ref('excluded.window_end'),
          body: eb.ref('excluded.body'),
          progress: eb.ref('excluded.progress'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

function viewOf(row: { body: string; progress: string }): MissionView {
  return { mission: readJson(Mission, row.body), progress: readJson(MissionProgress, row.progress) };
}

export async function activeMissions(db: Kysely<Database>, agentId: string): Promise<MissionView[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('agent_id', '=', agentId)
    .where('status', '=', 'active')
    .orderBy('window_end')
    .execute();
  return rows.map(viewOf);
}

/** Active missions plus those settled since `settledSince`, for the snapshot. */
export async function recentMissions(
  db: Kysely<Database>,
  agentId: string,
  settledSince: string,
): Promise<MissionView[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('agent_id', '=', agentId)
    .where((eb) => eb.or([eb('status', '=', 'active'), eb('window_end', '>=', settledSince)]))
    .orderBy('window_end')
    .execute();
  return rows.map(viewOf);
}

/** The agent's last settled mission statuses, oldest first (offers adapt to them). */
export async function lastResults(
  db: Kysely<Database>,
  agentId: string,
  count = 2,
): Promise<('completed' | 'missed')[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['status'])
    .where('agent_id', '=', agentId)
    .where('status', 'in', ['completed', 'missed'])
    .orderBy('window_end', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.status as 'completed' | 'missed').reverse();
}

/** Active rows of a team's missions (each member has a row of a team mission). */
export async function activeTeamMissions(db: Kysely<Database>, teamId: string): Promise<MissionView[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('team_id', '=', teamId)
    .where('status', '=', 'active')
    .execute();
  return rows.map(viewOf);
}

/** The earliest window start of any active mission of these agents (ISO UTC), or null; a query per 500. */
export async function earliestActiveMissionStart(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<string | null> {
  let earliest: string | null = null;
  for (let i = 0; i < agentIds.length; i += 500) {
    const row = await db
      .selectFrom('missions')
      .select((eb) => eb.fn.min<string>('window_start').as('start'))
      .where('agent_id', 'in', agentIds.slice(i, i + 500))
      .where('status', '=', 'active')
      .executeTakeFirst();
    const start = row?.start ? new Date(row.start).toISOString() : null;
    if (start !== null && (earliest === null || start < earliest)) earliest = start;
  }
  return earliest;
}

/** Agents with an active mission whose window has closed by `now`. */
export async function agentsWithMissionsDue(db: Kysely<Database>, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('missions')
    .select('agent_id')
    .distinct()
    .where('status', '=', 'active')
    .where('window_end', '<=', now)
    .execute();
  return rows.map((r) => r.agent_id);
}

/** The agent's missions (any status) whose window ends at or after `since`: what the streak's guardrails read. */
export async function missionsEndingSince(
  db: Kysely<Database>,
  agentId: string,
  since: string,
): Promise<Mission[]> {
  const rows = await db
    .selectFrom('missions')
    .select('body')
    .where('agent_id', '=', agentId)
    .where('window_end', '>=', since)
    .execute();
  return rows.map((r) => readJson(Mission, r.body));
}

/** activeMissions for many agents, a query per 500 (each agent's list in window_end order). */
export async function activeMissionsOfAgents(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, MissionView[]>> {
  const out = new Map<string, MissionView[]>(agentIds.map((id) => [id, []]));
  for (let i = 0; i < agentIds.length; i += 500) {
    const rows = await db
      .selectFrom('missions')
      .select(['agent_id', 'body', 'progress'])
      .where('agent_id', 'in', agentIds.slice(i, i + 500))
      .where('status', '=', 'active')
      .orderBy('window_end')
      .orderBy('id')
      .execute();
    for (const r of rows) out.get(r.agent_id)?.push(viewOf(r));
  }
  return out;
}

/** missionsEndingSince for many agents, a query per 500. */
export async function missionsEndingSinceOfAgents(
  db: Kysely<Database>,
  agentIds: readonly string[],
  since: string,
): Promise<Map<string, Mission[]>> {
  const out = new Map<string, Mission[]>(agentIds.map((id) => [id, []]));
  for (let i = 0; i < agentIds.length; i += 500) {
    const rows = await db
      .selectFrom('missions')
      .select(['agent_id', 'body'])
      .where('agent_id', 'in', agentIds.slice(i, i + 500))
      .where('window_end', '>=', since)
      .execute();
    for (const r of rows) out.get(r.agent_id)?.push(readJson(Mission, r.body));
  }
  return out;
}
