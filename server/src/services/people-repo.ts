import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { Absence, WeeklySchedule, DailyGoal } from '../../../shared/domain/streak-model';
import { Profile, type Role } from '../../../shared/domain/people-model';
import { DEFAULT_SCHEDULE, type PersonRecord, type TeamRecord } from '../../../shared/api/admin';
import type { PersonSummary, TeamSummary } from '../../../shared/api/snapshot';
import type { Database, PeopleTable } from '../store/schema';
import { readJson } from '../store/json';

export const EMPTY_PROFILE: Profile = {
  purposeWhy: { text: '', visibility: 'me' },
  purposeWhere: { text: '', visibility: 'me' },
  passions: { text: '', visibility: 'me' },
  strengths: { text: '', visibility: 'me' },
  skillsToGrow: { text: '', visibility: 'me' },
};

/** A person as the services use it: parsed JSON columns, team ids, handles. */
export interface PersonFull {
  id: string;
  name: string;
  role: Role;
  timezone: string;
  schedule: WeeklySchedule | null;
  absences: Absence[];
  claimed: boolean;
  profile: Profile;
  teamIds: string[];
  handles: string[];
  createdAt: string;
}

/** The goal of a person without a team. */
export const DEFAULT_DAILY_GOAL: DailyGoal = { minSatisfied: 1, minSolved: 0, noGuardrailBroken: true };

export async function loadPerson(db: Kysely<Database>, id: string): Promise<PersonFull | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [teams, handles] = await Promise.all([
    db.selectFrom('team_members').select('team_id').where('person_id', '=', id).orderBy('team_id').execute(),
    db.selectFrom('handles').select('handle').where('person_id', '=', id).orderBy('handle').execute(),
  ]);
  return personFull(
    row,
    teams.map((t) => t.team_id),
    handles.map((h) => h.handle),
  );
}

/** Many people in three queries per 500 (an ingest batch touches hundreds); missing ids are left out. */
export async function loadPeople(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, PersonFull>> {
  const out = new Map<string, PersonFull>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const [rows, teams, handles] = await Promise.all([
      db.selectFrom('people').selectAll().where('id', 'in', chunk).execute(),
      db
        .selectFrom('team_members')
        .select(['person_id', 'team_id'])
        .where('person_id', 'in', chunk)
        .orderBy('team_id')
        .execute(),
      db
        .selectFrom('handles')
        .select(['person_id', 'handle'])
        .where('person_id', 'in', chunk)
        .orderBy('handle')
        .execute(),
    ]);
    const group = (pairs: { person_id: string; value: string }[]) => {
      const m = new Map<string, string[]>();
      for (const p of pairs) m.set(p.person_id, [...(m.get(p.person_id) ?? []), p.value]);
      return m;
    };
    const teamsOf = group(teams.map((t) => ({ person_id: t.person_id, value: t.team_id })));
    const handlesOf = group(handles.map((h) => ({ person_id: h.person_id, value: h.handle })));
    for (const row of rows)
      out.set(row.id, personFull(row, teamsOf.get(row.id) ?? [], handlesOf.get(row.id) ?? []));
  }
  return out;
}

function personFull(row: Selectable<PeopleTable>, teamIds: string[], handles: string[]): PersonFull {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    timezone: row.timezone,
    schedule: row.schedule === null ? null : readJson(WeeklySchedule, row.schedule),
    absences: readJson(z.array(Absence), row.absences),
    claimed: row.claimed === 1,
    profile: readJson(Profile, row.profile),
    teamIds,
    handles,
    createdAt: row.created_at,
  };
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

/** The schedule streaks use: the person's own, else their first team's, else Mon–Fri 09:00–17:00. */
export async function effectiveSchedule(db: Kysely<Database>, person: PersonFull): Promise<WeeklySchedule> {
  if (person.schedule) return person.schedule;
  const teamId = person.teamIds[0];
  const team = teamId ? await loadTeam(db, teamId) : null;
  return team?.schedule ?? DEFAULT_SCHEDULE;
}

export async function dailyGoalOf(db: Kysely<Database>, person: PersonFull): Promise<DailyGoal> {
  const teamId = person.teamIds[0];
  const team = teamId ? await loadTeam(db, teamId) : null;
  return team?.dailyGoal ?? DEFAULT_DAILY_GOAL;
}

export async function personRecord(db: Kysely<Database>, person: PersonFull): Promise<PersonRecord> {
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    timezone: person.timezone,
    teamIds: person.teamIds,
    handles: person.handles,
    schedule: person.schedule,
    effectiveSchedule: await effectiveSchedule(db, person),
    absences: person.absences,
    claimed: person.claimed,
    createdAt: person.createdAt,
  };
}

export function personSummary(person: PersonFull): PersonSummary {
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    timezone: person.timezone,
    teamIds: person.teamIds,
  };
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
