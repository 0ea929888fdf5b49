import type { Kysely } from 'kysely';
import type { HelpdeskEvent, HelpdeskEventType } from '../../../../shared/domain/events';
import { METRIC_CONTEXT_TYPES } from '../../../../shared/domain/metric-events';
import { storedEvent } from './stored-event';
import type { TimeWindow } from '../../../../shared/domain/primitives';
import type { Database } from '../schema';

/**
 * Other agents' events on an agent's tickets that the metrics read (shared/domain/metric-events.ts): without the
 * others' public replies a ticket's first reply would be credited to whoever replied after it.
 */
export const TICKET_CONTEXT_TYPES: readonly string[] = METRIC_CONTEXT_TYPES;

function parse(rows: { body: string }[]): HelpdeskEvent[] {
  return rows.map((r) => storedEvent(r.body));
}

/**
 * What the engine needs to compute an agent's metrics over a window: the agent's events in the window plus the
 * context events (created, replies, solves, reopens, ratings) of the tickets they touched (which may lie outside it). Cost is
 * proportional to the window's activity, not to the agent's whole history.
 */
export async function loadAgentEvents(
  db: Kysely<Database>,
  agentId: string,
  window: TimeWindow,
): Promise<HelpdeskEvent[]> {
  const from = new Date(window.from).toISOString();
  const to = new Date(window.to).toISOString();
  const own = await db
    .selectFrom('events')
    .select(['body', 'ticket_id'])
    .where('agent_id', '=', agentId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  const tickets = [...new Set(own.map((r) => r.ticket_id))];
  const context: { body: string }[] = [];
  for (let i = 0; i < tickets.length; i += 500) {
    const chunk = tickets.slice(i, i + 500);
    context.push(
      ...(await db
        .selectFrom('events')
        .select('body')
        .where('ticket_id', 'in', chunk)
        .where('type', 'in', TICKET_CONTEXT_TYPES)
        .execute()),
    );
  }
  return [...parse(own), ...parse(context)];
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

/** Stores a normalised event once per (source, externalId); false when it was already there (a duplicate). */
export async function insertEventOnce(
  db: Kysely<Database>,
  event: HelpdeskEvent,
  ingestedAt: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('events')
    .values({
      source: event.source,
      external_id: event.externalId,
      type: event.type,
      agent_id: 'agentId' in event && event.agentId ? event.agentId : null,
      ticket_id: event.ticketId,
      at: event.at,
      body: JSON.stringify(event),
      ingested_at: ingestedAt,
    })
    .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One stored event with the columns a batch read plan slices by. */
export interface EventRow {
  agentId: string;
  ticketId: string;
  at: string;
  type: string;
  event: HelpdeskEvent;
}

const CHUNK = 500;

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

/** The created / solved / reopened events of these tickets, a query per 500 tickets. */
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
      .where('type', 'in', TICKET_CONTEXT_TYPES)
      .execute();
    for (const r of rows) out.push({ ticketId: r.ticket_id, event: storedEvent(r.body) });
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
