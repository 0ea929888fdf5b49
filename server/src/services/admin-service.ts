import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IANAZone } from 'luxon';
import type {
  CreatePersonBody,
  CreateTeamBody,
  PersonRecord,
  TeamRecord,
  UpdatePersonBody,
} from '../../../shared/api/admin';
import type { Database } from '../store/schema';
import { toIsoUtc } from '../store/time';
import { writeJson } from '../store/json';
import { HttpError, conflict, notFound } from '../api/http-errors';
import { EMPTY_PROFILE, loadPerson, loadTeam, personRecord } from './people-repo';
import { feedPeopleChange } from './people-feed';
import { inWriteTransaction, runUnitOfWork } from '../store/unit-of-work';
import type { AppContext } from '../app/context';

function checkZone(zone: string): void {
  if (!IANAZone.isValidZone(zone))
    throw new HttpError(400, 'invalid_request', `"${zone}" is not an IANA time zone (e.g. Europe/Warsaw).`, [
      { path: 'timezone', message: 'unknown time zone' },
    ]);
}

export async function createTeam(db: Kysely<Database>, body: CreateTeamBody, now: Date): Promise<TeamRecord> {
  checkZone(body.timezone);
  const id = randomUUID();
  await db
    .insertInto('teams')
    .values({
      id,
      name: body.name,
      timezone: body.timezone,
      daily_goal: writeJson(body.dailyGoal),
      schedule: writeJson(body.schedule),
      created_at: toIsoUtc(now),
    })
    .execute();
  const team = await loadTeam(db, id);
  if (!team) throw new Error('team vanished after insert');
  return team;
}

export async function listTeams(db: Kysely<Database>): Promise<TeamRecord[]> {
  const rows = await db.selectFrom('teams').select('id').orderBy('name').execute();
  const teams = await Promise.all(rows.map((r) => loadTeam(db, r.id)));
  return teams.filter((t): t is TeamRecord => t !== null);
}

async function checkTeams(db: Kysely<Database>, teamIds: string[]): Promise<void> {
  for (const teamId of teamIds)
    if (!(await loadTeam(db, teamId)))
      throw new HttpError(400, 'invalid_request', `Team ${teamId} does not exist.`, [
        { path: 'teamIds', message: `unknown team ${teamId}` },
      ]);
}

async function addHandles(db: Kysely<Database>, personId: string, handles: string[]): Promise<void> {
  for (const handle of handles) {
    const owner = await db
      .selectFrom('handles')
      .select('person_id')
      .where('handle', '=', handle)
      .executeTakeFirst();
    if (owner && owner.person_id !== personId)
      throw conflict(
        `The handle ${handle} already belongs to person ${owner.person_id}; merge them instead.`,
      );
    if (!owner) await db.insertInto('handles').values({ handle, person_id: personId }).execute();
  }
}

/** The store and the live fan-out: people changes are fed to the people they concern. */
type PeopleContext = Pick<AppContext, 'store' | 'bus'>;

export async function createPerson(
  ctx: PeopleContext,
  body: CreatePersonBody,
  now: Date,
): Promise<PersonRecord> {
  const db = ctx.store.db;
  await checkTeams(db, body.teamIds);
  const firstTeam = body.teamIds[0] ? await loadTeam(db, body.teamIds[0]) : null;
  const timezone = body.timezone ?? firstTeam?.timezone ?? 'UTC';
  checkZone(timezone);
  const id = randomUUID();
  return runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    const trx = uow.trx;
    await trx
      .insertInto('people')
      .values({
        id,
        name: body.name,
        role: body.role,
        timezone,
        schedule: body.schedule === null ? null : writeJson(body.schedule),
        absences: writeJson(body.absences),
        claimed: 1,
        profile: writeJson(EMPTY_PROFILE),
        created_at: toIsoUtc(now),
      })
      .execute();
    for (const teamId of body.teamIds)
      await trx.insertInto('team_members').values({ team_id: teamId, person_id: id }).execute();
    await addHandles(trx, id, body.handles);
    const person = await loadPerson(trx, id);
    if (!person) throw new Error('person vanished after insert');
    await feedPeopleChange(uow, id, body.teamIds);
    return personRecord(trx, person);
  });
}

export async function updatePerson(
  ctx: PeopleContext,
  id: string,
  body: UpdatePersonBody,
  now: Date,
): Promise<PersonRecord> {
  const db = ctx.store.db;
  if (body.teamIds) await checkTeams(db, body.teamIds);
  if (body.timezone) checkZone(body.timezone);
  return runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    const trx = uow.trx;
    const before = await loadPerson(trx, id);
    if (!before) throw notFound('The person');
    const set: Partial<Database['people']> = {};
    if (body.name !== undefined) set.name = body.name;
    if (body.role !== undefined) set.role = body.role;
    if (body.timezone !== undefined) set.timezone = body.timezone;
    if (body.schedule !== undefined) set.schedule = body.schedule === null ? null : writeJson(body.schedule);
    if (body.absences !== undefined) set.absences = writeJson(body.absences);
    if (body.claimed) set.claimed = 1;
    if (Object.keys(set).length > 0) await trx.updateTable('people').set(set).where('id', '=', id).execute();
    if (body.teamIds) {
      await trx.deleteFrom('team_members').where('person_id', '=', id).execute();
      for (const teamId of body.teamIds)
        await trx.insertInto('team_members').values({ team_id: teamId, person_id: id }).execute();
    }
    if (body.addHandles) await addHandles(trx, id, body.addHandles);
    const person = await loadPerson(trx, id);
    if (!person) throw notFound('The person');
    await feedPeopleChange(uow, id, [...before.teamIds, ...person.teamIds]);
    return personRecord(trx, person);
  });
}

/** Folds `fromId` (typically an unclaimed person made by ingest) into `intoId`: handles, events and kudos move. */
export async function mergePerson(ctx: PeopleContext, fromId: string, intoId: string): Promise<PersonRecord> {
  if (fromId === intoId)
    throw new HttpError(400, 'invalid_request', 'A person cannot be merged into themselves.');
  return inWriteTransaction(ctx.store, async (trx) => {
    const [from, into] = await Promise.all([loadPerson(trx, fromId), loadPerson(trx, intoId)]);
    if (!from || !into) throw notFound('The person');
    await trx.updateTable('handles').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
    // Events keep their JSON body's agentId; it is rewritten so the engine attributes them to the merged person.
    const events = await trx
      .selectFrom('events')
      .select(['source', 'external_id', 'body'])
      .where('agent_id', '=', fromId)
      .execute();
    for (const e of events) {
      const body = JSON.parse(e.body) as Record<string, unknown>;
      body.agentId = intoId;
      await trx
        .updateTable('events')
        .set({ agent_id: intoId, body: JSON.stringify(body) })
        .where('source', '=', e.source)
        .where('external_id', '=', e.external_id)
        .execute();
    }
    await trx.updateTable('kudos').set({ to_person_id: intoId }).where('to_person_id', '=', fromId).execute();
    await trx
      .updateTable('tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('person_id', '=', fromId)
      .execute();
    await trx.deleteFrom('team_members').where('person_id', '=', fromId).execute();
    await trx.deleteFrom('people').where('id', '=', fromId).execute();
    const person = await loadPerson(trx, intoId);
    if (!person) throw notFound('The person');
    return personRecord(trx, person);
  });
}

export async function listPeople(
  db: Kysely<Database>,
  filter: { handle?: string; claimed?: boolean },
): Promise<PersonRecord[]> {
  let query = db.selectFrom('people').select('people.id').orderBy('people.name');
  if (filter.handle)
    query = query
      .innerJoin('handles', 'handles.person_id', 'people.id')
      .where('handles.handle', '=', filter.handle);
  if (filter.claimed !== undefined) query = query.where('people.claimed', '=', filter.claimed ? 1 : 0);
  const rows = await query.execute();
  const records: PersonRecord[] = [];
  for (const row of rows) {
    const person = await loadPerson(db, row.id);
    if (person) records.push(await personRecord(db, person));
  }
  return records;
}
