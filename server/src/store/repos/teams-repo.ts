import type { Kysely } from 'kysely';
import { DailyGoal, WeeklySchedule } from '../../../../shared/domain/streak-model';
import type { TeamRecord } from '../../../../shared/api/admin';
import type { TeamSummary } from '../../../../shared/api/snapshot';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';
import { toIsoUtc } from '../time';

/** Teams and who belongs to them. */
export async function insertTeam(
  db: Kysely<Database>,
  team: Omit<TeamRecord, 'createdAt'> & { createdAt: Date },
): Promise<void> {
  await db
    .insertInto('teams')
    .values({
      id: team.id,
      name: team.name,
      timezone: team.timezone,
      daily_goal: writeJson(team.dailyGoal),
      schedule: writeJson(team.schedule),
      created_at: toIsoUtc(team.createdAt),
    })
    .execute();
}

export async function loadTeam(db: Kysely<Database>, id: string): Promise<TeamRecord | null> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    dailyGoal: readJson(DailyGoal, row.daily_goal),
    schedule: readJson(WeeklySchedule, row.schedule),
    createdAt: row.created_at,
  };
}

/** Every team's id, by name. */
export async function teamIdsByName(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('teams').select('id').orderBy('name').execute();
  return rows.map((r) => r.id);
}

export async function teamSummary(db: Kysely<Database>, teamId: string): Promise<TeamSummary | null> {
  const team = await loadTeam(db, teamId);
  if (!team) return null;
  const members = await db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select(['people.id', 'people.name'])
    .where('team_members.team_id', '=', teamId)
    .orderBy('people.name')
    .execute();
  return { id: team.id, name: team.name, timezone: team.timezone, members };
}

/** Ids of the agents in a team. */
export async function teamAgentIds(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select('people.id')
    .where('team_members.team_id', '=', teamId)
    .where('people.role', '=', 'agent')
    .execute();
  return rows.map((r) => r.id);
}

/** The agents of a team with their names, by id. */
export async function teamAgents(
  db: Kysely<Database>,
  teamId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select(['people.id', 'people.name'])
    .where('team_members.team_id', '=', teamId)
    .where('people.role', '=', 'agent')
    .orderBy('people.id')
    .execute();
}

/** Everyone in a team, whatever their role. */
export async function teamMemberIds(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('person_id')
    .where('team_id', '=', teamId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The teams a person belongs to (agents) or supervises (supervisors). */
export async function teamIdsOf(db: Kysely<Database>, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => r.team_id);
}

export async function addMemberships(
  db: Kysely<Database>,
  personId: string,
  teamIds: readonly string[],
): Promise<void> {
  for (const teamId of teamIds)
    await db.insertInto('team_members').values({ team_id: teamId, person_id: personId }).execute();
}

export async function removeMemberships(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('team_members').where('person_id', '=', personId).execute();
}

/** Changes the given fields of a team; false when there is no such team. */
export async function updateTeamRow(
  db: Kysely<Database>,
  id: string,
  change: Partial<Pick<TeamRecord, 'name' | 'timezone' | 'dailyGoal' | 'schedule'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('teams')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.timezone !== undefined ? { timezone: change.timezone } : {}),
      ...(change.dailyGoal !== undefined ? { daily_goal: writeJson(change.dailyGoal) } : {}),
      ...(change.schedule !== undefined ? { schedule: writeJson(change.schedule) } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
