import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IANAZone } from 'luxon';
import type {
  CreatePersonBody,
  CreateTeamBody,
  PersonRecord,
  TeamRecord,
  UpdatePersonBody,
  UpdateTeamBody,
} from '../../../shared/api/admin';
import type { Database } from '../store/schema';
import { conflict, invalid, notFound } from '../core/errors';
import {
  deleteDerivedRowsOf,
  deletePerson,
  insertPerson,
  loadPerson,
  personIds,
  personRecord,
  updatePerson as updatePersonRow,
} from '../store/repos/people-repo';
import {
  addMemberships,
  insertTeam,
  loadTeam,
  removeMemberships,
  teamIdsByName,
  updateTeamRow,
} from '../store/repos/teams-repo';
import { handleOwner, insertHandle, moveHandles } from '../store/repos/handles-repo';
import { agentsOfTickets, moveEventsToAgent, ticketsOfAgents } from '../store/repos/events-repo';
import { dropTallies, rebuildTallies } from '../engine/tallies';
import { moveKudosReceived } from '../store/repos/kudos-repo';
import { hasTokens, revokeToken as revokeTokenRow, tokenHashById } from '../store/repos/tokens-repo';
import { deliverKudos } from '../engine/kudos-delivery';
import { refreshAgent } from '../engine/apply-events';
import { issueToken, type TokenKind } from '../auth/tokens';
import { feedPeopleChange } from '../engine/people-feed';
import { runUnitOfWork } from '../store/unit-of-work';
import type { AppContext } from '../core/context';

function checkZone(zone: string): void {
  if (!IANAZone.isValidZone(zone))
    throw invalid(`"${zone}" is not an IANA time zone (e.g. Europe/Warsaw).`, [
      { path: 'timezone', message: 'unknown time zone' },
    ]);
}

export async function createTeam(db: Kysely<Database>, body: CreateTeamBody, now: Date): Promise<TeamRecord> {
  checkZone(body.timezone);
  const id = randomUUID();
  await insertTeam(db, {
    id,
    name: body.name,
    timezone: body.timezone,
    dailyGoal: body.dailyGoal,
    schedule: body.schedule,
    createdAt: now,
  });
  const team = await loadTeam(db, id);
  if (!team) throw new Error('team vanished after insert');
  return team;
}

/**
 * Changes a team's name, zone, schedule or daily goal, and tells every member's companion (`team.updated`).
 * Streaks and goals read the team when they are next computed (the hourly refresh, or the next event), so days
 * already judged keep their verdict.
 */
export async function updateTeam(
  ctx: PeopleContext,
  id: string,
  body: UpdateTeamBody,
  now: Date,
): Promise<TeamRecord> {
  if (body.timezone !== undefined) checkZone(body.timezone);
  return runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    const before = await loadTeam(uow.trx, id);
    if (!before) throw notFound('The team');
    // A partial goal changes the fields it names; the others keep what the team had.
    const goal = body.dailyGoal;
    const dailyGoal = goal && {
      minSatisfied: goal.minSatisfied ?? before.dailyGoal.minSatisfied,
      minSolved: goal.minSolved ?? before.dailyGoal.minSolved,
      noGuardrailBroken: goal.noGuardrailBroken ?? before.dailyGoal.noGuardrailBroken,
    };
    const change = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.timezone !== undefined ? { timezone: body.timezone } : {}),
      ...(body.schedule !== undefined ? { schedule: body.schedule } : {}),
      ...(dailyGoal ? { dailyGoal } : {}),
    };
    if (!(await updateTeamRow(uow.trx, id, change))) throw notFound('The team');
    await feedPeopleChange(uow, null, [id]);
    const team = await loadTeam(uow.trx, id);
    if (!team) throw notFound('The team');
    return team;
  });
}

export async function listTeams(db: Kysely<Database>): Promise<TeamRecord[]> {
  const teams = await Promise.all((await teamIdsByName(db)).map((id) => loadTeam(db, id)));
  return teams.filter((t): t is TeamRecord => t !== null);
}

async function checkTeams(db: Kysely<Database>, teamIds: string[]): Promise<void> {
  const twice = teamIds.find((id, i) => teamIds.indexOf(id) !== i);
  if (twice !== undefined)
    throw invalid(`Team ${twice} is listed twice in teamIds; name each team once.`, [
      { path: 'teamIds', message: `team ${twice} listed twice` },
    ]);
  for (const teamId of teamIds)
    if (!(await loadTeam(db, teamId)))
      throw invalid(`Team ${teamId} does not exist.`, [
        { path: 'teamIds', message: `unknown team ${teamId}` },
      ]);
}

async function addHandles(db: Kysely<Database>, personId: string, handles: string[]): Promise<void> {
  for (const handle of handles) {
    const owner = await handleOwner(db, handle);
    if (owner !== null && owner !== personId)
      throw conflict(`The handle ${handle} already belongs to person ${owner}; merge them instead.`);
    if (owner === null) await insertHandle(db, handle, personId);
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
    await insertPerson(trx, {
      id,
      name: body.name,
      role: body.role,
      timezone,
      schedule: body.schedule,
      absences: body.absences,
      claimed: true,
      createdAt: now,
    });
    await addMemberships(trx, id, body.teamIds);
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
    await updatePersonRow(trx, id, body);
    if (body.teamIds) {
      await removeMemberships(trx, id);
      await addMemberships(trx, id, body.teamIds);
    }
    if (body.addHandles) await addHandles(trx, id, body.addHandles);
    const person = await loadPerson(trx, id);
    if (!person) throw notFound('The person');
    // Their metric tallies are bucketed by local day: a new zone re-tallies them from their stored events.
    if (person.timezone !== before.timezone)
      await rebuildTallies(uow, [id], new Map([[id, person.timezone]]));
    await feedPeopleChange(uow, id, [...before.teamIds, ...person.teamIds]);
    return personRecord(trx, person);
  });
}

/**
 * Folds `fromId`, an unclaimed person the helpdesk created, into `intoId`: handles, events and kudos move, the
 * kudos reach the target's inbox through its feed (and timeline), the target's numbers are refreshed from the
 * moved events, and what was derived for `fromId` is deleted. A claimed person (made by an admin, or one who was
 * given a token) has their own coaching, ideas, missions and feed that cannot be folded into someone else's:
 * that merge is refused with 409.
 */
export async function mergePerson(
  ctx: PeopleContext,
  fromId: string,
  intoId: string,
  now: Date,
): Promise<PersonRecord> {
  if (fromId === intoId) throw invalid('A person cannot be merged into themselves.');
  return runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    const trx = uow.trx;
    const [from, into] = await Promise.all([loadPerson(trx, fromId), loadPerson(trx, intoId)]);
    if (!from || !into) throw notFound('The person');
    if (from.claimed || (await hasTokens(trx, fromId)))
      throw conflict(
        `${from.name} is a claimed person with their own history (coaching, ideas, missions, feed); only an unclaimed person the helpdesk created can be merged into someone else.`,
        'merge_claimed',
      );
    await moveHandles(trx, fromId, intoId);
    // Tallies name agents inside their credits (ratings): the target's and those of everyone who shares a
    // ticket with the moved events are built again from the stored events when next read.
    await dropTallies(uow, [intoId, ...(await agentsOfTickets(trx, await ticketsOfAgents(trx, [fromId])))]);
    await moveEventsToAgent(trx, fromId, intoId);
    for (const kudos of await moveKudosReceived(trx, fromId, into))
      await deliverKudos(uow, kudos, { historical: true });
    await removeMemberships(trx, fromId);
    await deleteDerivedRowsOf(trx, fromId);
    await deletePerson(trx, fromId);
    await refreshAgent(uow, into);
    await feedPeopleChange(uow, intoId, [...from.teamIds, ...into.teamIds]);
    const person = await loadPerson(trx, intoId);
    if (!person) throw notFound('The person');
    return personRecord(trx, person);
  });
}

export async function listPeople(
  db: Kysely<Database>,
  filter: { handle?: string; claimed?: boolean },
): Promise<PersonRecord[]> {
  const records: PersonRecord[] = [];
  for (const id of await personIds(db, filter)) {
    const person = await loadPerson(db, id);
    if (person) records.push(await personRecord(db, person));
  }
  return records;
}

export async function getPerson(db: Kysely<Database>, id: string): Promise<PersonRecord> {
  const person = await loadPerson(db, id);
  if (!person) throw notFound('The person');
  return personRecord(db, person);
}

/** A device or ingest token for a person; the plain token is in the answer once and stored only hashed. */
export async function createToken(
  db: Kysely<Database>,
  personId: string,
  body: { kind: TokenKind; label: string },
  now: Date,
): Promise<{ id: string; token: string; kind: TokenKind }> {
  if (!(await loadPerson(db, personId))) throw notFound('The person');
  return issueToken(db, personId, body.kind, body.label, now);
}

/** Revokes a token; answers with its hash, so the caller can end the live sessions it opened. */
export async function revokeToken(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<{ tokenHash: string }> {
  const tokenHash = await tokenHashById(db, id);
  if (tokenHash === null || !(await revokeTokenRow(db, id, now.toISOString()))) throw notFound('The token');
  return { tokenHash };
}
