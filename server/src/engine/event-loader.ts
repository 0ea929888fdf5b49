import type { Kysely } from 'kysely';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import { storedEvent } from './stored-event';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { Database } from '../store/schema';

export const TICKET_CONTEXT_TYPES = ['ticket_created', 'ticket_solved', 'ticket_reopened'];

function parse(rows: { body: string }[]): HelpdeskEvent[] {
  return rows.map((r) => storedEvent(r.body));
}

/**
 * What the engine needs to compute an agent's metrics over a window: the agent's events in the window plus the
 * created / solved / reopened events of the tickets they touched (which may lie outside it). Cost is
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
