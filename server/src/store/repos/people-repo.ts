import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { Absence, WeeklySchedule, type DailyGoal } from '../../../../shared/domain/streak-model';
import { Profile, type Role } from '../../../../shared/domain/people-model';
import type { PersonRecord } from '../../../../shared/api/admin';
import { effectiveScheduleAndGoal, primaryTeamId } from '../../../../shared/domain/effective-schedule';
import type { PersonSummary } from '../../../../shared/api/snapshot';
import type { Database, PeopleTable } from '../schema';
import { readJson, writeJson } from '../json';
import { toIsoUtc } from '../time';
import { loadTeam } from './teams-repo';

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
  /** false for people ingest made up from an unknown handle, until an admin claims or merges them. */
  claimed: boolean;
  profile: Profile;
  teamIds: string[];
  handles: string[];
  createdAt: string;
}

/** What a new person row holds (teams and handles are rows of their own); `profile` starts empty unless given. */
export type NewPerson = Omit<PersonFull, 'teamIds' | 'handles' | 'profile' | 'createdAt'> & {
  profile?: Profile;
  createdAt: Date | string;
};

/** The one place a `people` row is written: the admin API, the ingest handle resolver and the bench seed use it. */
export async function insertPerson(db: Kysely<Database>, person: NewPerson): Promise<void> {
  await db
    .insertInto('people')
    .values({
      id: person.id,
      name: person.name,
      role: person.role,
      timezone: person.timezone,
      schedule: person.schedule === null ? null : writeJson(person.schedule),
      absences: writeJson(person.absences),
      claimed: person.claimed ? 1 : 0,
      profile: writeJson(person.profile ?? EMPTY_PROFILE),
      created_at: toIsoUtc(person.createdAt),
    })
    .execute();
}

/** The fields an admin may change; absent ones stay as they are. */
export type PersonChanges = Partial<
  Pick<NewPerson, 'name' | 'role' | 'timezone' | 'schedule' | 'absences'>
> & {
  claimed?: true;
};

export async function updatePerson(db: Kysely<Database>, id: string, changes: PersonChanges): Promise<void> {
  const set: Partial<PeopleTable> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.role !== undefined) set.role = changes.role;
  if (changes.timezone !== undefined) set.timezone = changes.timezone;
  if (changes.schedule !== undefined)
    set.schedule = changes.schedule === null ? null : writeJson(changes.schedule);
  if (changes.absences !== undefined) set.absences = writeJson(changes.absences);
  if (changes.claimed) set.claimed = 1;
  if (Object.keys(set).length > 0) await db.updateTable('people').set(set).where('id', '=', id).execute();
}

export async function saveProfile(db: Kysely<Database>, personId: string, profile: Profile): Promise<void> {
  await db
    .updateTable('people')
    .set({ profile: writeJson(profile) })
    .where('id', '=', personId)
    .execute();
}

export async function deletePerson(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('people').where('id', '=', id).execute();
}

/**
 * Deletes what the server derived for a person who is being merged away (timeline, state, offers, missions, feed,
 * idempotency keys, the board choice: an opt-in never moves to someone else), so no row is left pointing at
 * nobody. Only for people who never signed in: their rows are all recomputed from events, which move to the
 * person they are merged into.
 */
export async function deleteDerivedRowsOf(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('timeline').where('agent_id', '=', personId).execute();
  await db.deleteFrom('person_state').where('person_id', '=', personId).execute();
  await db.deleteFrom('offers').where('agent_id', '=', personId).execute();
  await db.deleteFrom('missions').where('agent_id', '=', personId).execute();
  await db.deleteFrom('feed').where('person_id', '=', personId).execute();
  await db.deleteFrom('feed_heads').where('person_id', '=', personId).execute();
  await db.deleteFrom('idempotency').where('person_id', '=', personId).execute();
  await db.deleteFrom('recognition_settings').where('person_id', '=', personId).execute();
  await db.deleteFrom('weekly_recaps').where('person_id', '=', personId).execute();
  await db.deleteFrom('growth_plans').where('agent_id', '=', personId).execute();
  await db.deleteFrom('agent_day_tallies').where('agent_id', '=', personId).execute();
  await db.deleteFrom('tally_zones').where('agent_id', '=', personId).execute();
}

/** Ids of people by name, optionally only those with a handle or of one claimed state. */
export async function personIds(
  db: Kysely<Database>,
  filter: { handle?: string; claimed?: boolean },
): Promise<string[]> {
  let query = db.selectFrom('people').select('people.id').orderBy('people.name');
  if (filter.handle)
    query = query
      .innerJoin('handles', 'handles.person_id', 'people.id')
      .where('handles.handle', '=', filter.handle);
  if (filter.claimed !== undefined) query = query.where('people.claimed', '=', filter.claimed ? 1 : 0);
  return (await query.execute()).map((r) => r.id);
}

/** Everyone (every role) with their time zone. */
export async function everyoneWithZones(db: Kysely<Database>): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('people').select(['id', 'timezone']).orderBy('id').execute();
}

/** Every agent with their time zone. */
export async function agents(db: Kysely<Database>): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('people').select(['id', 'timezone']).where('role', '=', 'agent').execute();
}

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

/** Each of these people's time zone (what their metric tallies are bucketed by); unknown ids are left out. */
export async function timezonesOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'timezone'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.timezone);
  }
  return out;
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

/** The schedule and daily goal the person's streak is judged by (the domain's effectiveScheduleAndGoal). */
export async function scheduleAndGoalOf(
  db: Kysely<Database>,
  person: PersonFull,
): Promise<{ schedule: WeeklySchedule; goal: DailyGoal }> {
  const teamId = primaryTeamId(person.teamIds);
  return effectiveScheduleAndGoal(person, teamId ? await loadTeam(db, teamId) : null);
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
    effectiveSchedule: (await scheduleAndGoalOf(db, person)).schedule,
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

/** Every supervisor with their time zone (the weekly briefing goes to each of them). */
export async function supervisors(db: Kysely<Database>): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('people').select(['id', 'timezone']).where('role', '=', 'supervisor').execute();
}
