import { type Kysely, sql } from 'kysely';
import { eventKey, type HelpdeskEvent, type HelpdeskEventType } from '../../../../shared/domain/events';
import { METRIC_CONTEXT_TYPES } from '../../../../shared/domain/metric-events';
import { storedEvent } from './stored-event';
import type { TimeWindow } from '../../../../shared/domain/primitives';
import type { Database } from '../schema';
import type { Dialect } from '../database';

const CHUNK = 500;

/** The context types of metricEventsFor: other agents' (and agentless) events a metric reads on a ticket. */
const CONTEXT_TYPES: string[] = [...METRIC_CONTEXT_TYPES];

function parse(rows: { body: string }[]): HelpdeskEvent[] {
  return rows.map((r) => storedEvent(r.body));
}

const isoOf = (at: string | number) => new Date(at).toISOString();

/** The agentless reopens in a window, a ticket each: rule (2) of metricEventsFor looks for the agent's solve before. */
export async function agentlessReopens(
  db: Kysely<Database>,
  window: TimeWindow,
): Promise<{ ticketId: string; at: string }[]> {
  const rows = await db
    .selectFrom('events')
    .select(['ticket_id', 'at'])
    .where('type', '=', 'ticket_reopened')
    .where('agent_id', 'is', null)
    .where('at', '>=', isoOf(window.from))
    .where('at', '<', isoOf(window.to))
    .execute();
  return rows.map((r) => ({ ticketId: r.ticket_id, at: r.at }));
}

/** Which of `reopens` reopen a ticket `agentId` had solved before (so the reopen counts against them). */
export async function reopensAgainst(
  db: Kysely<Database>,
  agentId: string,
  reopens: readonly { ticketId: string; at: string }[],
): Promise<string[]> {
  const out = new Set<string>();
  const tickets = [...new Set(reopens.map((r) => r.ticketId))];
  for (let i = 0; i < tickets.length; i += CHUNK) {
    const solves = await db
      .selectFrom('events')
      .select(['ticket_id', 'at'])
      .where('agent_id', '=', agentId)
      .where('type', '=', 'ticket_solved')
      .where('ticket_id', 'in', tickets.slice(i, i + CHUNK))
      .execute();
    for (const s of solves)
      if (reopens.some((r) => r.ticketId === s.ticket_id && Date.parse(s.at) < Date.parse(r.at)))
        out.add(s.ticket_id);
  }
  return [...out];
}

/** Every event of the METRIC_CONTEXT_TYPES on these tickets, by anyone, at any time, a query per 500 tickets. */
export async function ticketContextEvents(
  db: Kysely<Database>,
  ticketIds: readonly string[],
): Promise<{ ticketId: string; event: HelpdeskEvent }[]> {
  const out: { ticketId: string; event: HelpdeskEvent }[] = [];
  for (let i = 0; i < ticketIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select(['body', 'ticket_id'])
      .where('ticket_id', 'in', ticketIds.slice(i, i + CHUNK))
      .where('type', 'in', CONTEXT_TYPES)
      .execute();
    for (const r of rows) out.push({ ticketId: r.ticket_id, event: storedEvent(r.body) });
  }
  return out;
}

/**
 * The one loader of what the engine needs to compute an agent's metrics over a window: exactly the set
 * metricEventsFor names (or a superset), i.e. the agent's events in the window, and on their tickets plus the
 * tickets an agentless reopen in the window reopened after the agent solved them, every creation, public
 * reply, solve, reopen and rating by anyone (so a first reply is credited to whoever really replied first).
 * Cost is proportional to the window's activity, not to the agent's whole history.
 */
export async function loadAgentEvents(
  db: Kysely<Database>,
  agentId: string,
  window: TimeWindow,
): Promise<HelpdeskEvent[]> {
  const own = await db
    .selectFrom('events')
    .select(['body', 'ticket_id'])
    .where('agent_id', '=', agentId)
    .where('at', '>=', isoOf(window.from))
    .where('at', '<', isoOf(window.to))
    .execute();
  const tickets = new Set(own.map((r) => r.ticket_id));
  for (const t of await reopensAgainst(db, agentId, await agentlessReopens(db, window))) tickets.add(t);
  const context = await ticketContextEvents(db, [...tickets]);
  return [...parse(own), ...context.map((c) => c.event)];
}

/** Agents who touched any of these tickets (a late ticket_created or reopen changes their metrics). */
export async function agentsOfTickets(db: Kysely<Database>, ticketIds: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < ticketIds.length; i += 500) {
    const rows = await db
      .selectFrom('events')
      .select('agent_id')
      .distinct()
      .where('ticket_id', 'in', ticketIds.slice(i, i + 500))
      .where('agent_id', 'is not', null)
      .execute();
    for (const r of rows) if (r.agent_id) out.add(r.agent_id);
  }
  return [...out];
}

/** The agent's own events since an instant, optionally of some types only. */
export async function loadOwnEvents(
  db: Kysely<Database>,
  agentId: string,
  since: string,
  types?: HelpdeskEventType[],
): Promise<HelpdeskEvent[]> {
  let query = db.selectFrom('events').select('body').where('agent_id', '=', agentId).where('at', '>=', since);
  if (types) query = query.where('type', 'in', types);
  const rows = await query.execute();
  return rows.map((r) => storedEvent(r.body));
}

/** Events per insert statement: one bound parameter each (a JSON array of rows), so no parameter limit applies. */
const INSERT_CHUNK = 2000;

/**
 * Stores normalised events once per (source, externalId). Each statement takes its rows as one JSON array
 * parameter, expanded by the database (SQLite `json_each`, PostgreSQL `json_array_elements`), instead of eight
 * parameters a row: a history import stores a million events, and building, compiling and preparing a
 * multi-row VALUES statement cost more per event than storing it (benchmark 9's profile). Returns the
 * idempotency keys (eventKey) that were new; of several copies of one key in `events`, only the first is
 * offered, as if they had been stored one after the other.
 */
export async function insertEventsOnce(
  db: Kysely<Database>,
  events: readonly HelpdeskEvent[],
  ingestedAt: string,
  dialect: Dialect,
): Promise<Set<string>> {
  const firsts = new Map<string, HelpdeskEvent>();
  for (const e of events) if (!firsts.has(eventKey(e))) firsts.set(eventKey(e), e);
  // Stored in the order of the (agent_id, at) index, the one a batch's events land all over (a year of history
  // in ticket order puts each agent's events anywhere in their range): each of its pages is then written in one
  // pass instead of being evicted from SQLite's page cache and read and dirtied again many times in one
  // transaction. The other two indexes follow the file's (ticket) order, and a batch's share of them is small
  // enough to stay cached whatever the order. 1,000,000-event import: see benchmark 9.
  const list = [...firsts.values()].sort(inAgentTimeOrder);
  const inserted = new Set<string>();
  for (let i = 0; i < list.length; i += INSERT_CHUNK) {
    const rows = JSON.stringify(
      list
        .slice(i, i + INSERT_CHUNK)
        .map((event) => [
          event.source,
          event.externalId,
          event.type,
          'agentId' in event && event.agentId ? event.agentId : null,
          event.ticketId,
          event.at,
          JSON.stringify(event),
        ]),
    );
    const elements =
      dialect === 'sqlite'
        ? sql`json_each(${rows}) as r`
        : sql`json_array_elements(${rows}::json) as r(value)`;
    const result = await sql<{ source: string; external_id: string }>`
      insert into events (source, external_id, type, agent_id, ticket_id, at, body, ingested_at)
      select r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5,
        r.value ->> 6, ${ingestedAt}
      from ${elements}
      where true
      on conflict (source, external_id) do nothing
      returning source, external_id`.execute(db);
    for (const r of result.rows) inserted.add(eventKey({ source: r.source, externalId: r.external_id }));
  }
  return inserted;
}

const agentOf = (e: HelpdeskEvent): string => ('agentId' in e && e.agentId ? e.agentId : '');

/** By agent (agentless first, as the index has NULL first), then time: the events_agent_at index's order. */
function inAgentTimeOrder(a: HelpdeskEvent, b: HelpdeskEvent): number {
  const x = agentOf(a);
  const y = agentOf(b);
  if (x !== y) return x < y ? -1 : 1;
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/** One stored event with the columns a batch read plan slices by. */
export interface EventRow {
  agentId: string;
  ticketId: string;
  at: string;
  type: string;
  event: HelpdeskEvent;
}

/** Every event of `agentIds` at or after `since` (optionally of some types only), a query per 500 agents. */
export async function eventsOfAgentsSince(
  db: Kysely<Database>,
  agentIds: readonly string[],
  since: string,
  types?: readonly HelpdeskEventType[],
): Promise<EventRow[]> {
  const out: EventRow[] = [];
  for (let i = 0; i < agentIds.length; i += CHUNK) {
    let query = db
      .selectFrom('events')
      .select(['agent_id', 'body', 'ticket_id', 'at', 'type'])
      .where('agent_id', 'in', agentIds.slice(i, i + CHUNK))
      .where('at', '>=', since);
    if (types) query = query.where('type', 'in', [...types]);
    for (const r of await query.execute())
      if (r.agent_id)
        out.push({
          agentId: r.agent_id,
          ticketId: r.ticket_id,
          at: r.at,
          type: r.type,
          event: storedEvent(r.body),
        });
  }
  return out;
}

/**
 * Events of `fromId` become `intoId`'s (merging people). The JSON body's agentId is rewritten too, because the
 * engine reads attribution from the body.
 */
export async function moveEventsToAgent(db: Kysely<Database>, fromId: string, intoId: string): Promise<void> {
  const events = await db
    .selectFrom('events')
    .select(['source', 'external_id', 'body'])
    .where('agent_id', '=', fromId)
    .execute();
  for (const e of events) {
    const body = JSON.parse(e.body) as Record<string, unknown>;
    body.agentId = intoId;
    await db
      .updateTable('events')
      .set({ agent_id: intoId, body: JSON.stringify(body) })
      .where('source', '=', e.source)
      .where('external_id', '=', e.external_id)
      .execute();
  }
}

/** How many stored events name this person as their agent (what a merge would move). */
export async function countAgentEvents(db: Kysely<Database>, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every event of these tickets, of any type and by anyone, a query per 500 tickets (a ticket's whole story). */
export async function eventsOfTickets(
  db: Kysely<Database>,
  ticketIds: readonly string[],
): Promise<HelpdeskEvent[]> {
  const out: HelpdeskEvent[] = [];
  const ids = [...new Set(ticketIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select('body')
      .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.push(storedEvent(r.body));
  }
  return out;
}

/** The tickets on which any of these agents has an event: every ticket that can credit them. */
export async function ticketsOfAgents(db: Kysely<Database>, agentIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  const ids = [...new Set(agentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select('ticket_id')
      .distinct()
      .where('agent_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.add(r.ticket_id);
  }
  return [...out];
}
