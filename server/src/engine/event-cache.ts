import type { Kysely } from 'kysely';
import type { HelpdeskEvent, HelpdeskEventType } from '../../../shared/domain/events';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { Database } from '../store/schema';
import { storedEvent } from './stored-event';
import { TICKET_CONTEXT_TYPES, loadAgentEvents } from './event-loader';
import { loadOwnEvents } from './own-events';

const CHUNK = 500;

interface Held {
  at: string;
  ticketId: string;
  type: string;
  event: HelpdeskEvent;
}

interface Coverage {
  since: string;
  rows: Held[];
}

const held = (r: { body: string; ticket_id: string; at: string; type: string }): Held => ({
  at: r.at,
  ticketId: r.ticket_id,
  type: r.type,
  event: storedEvent(r.body),
});

/**
 * The events one ingest batch's refresh reads, loaded once for many agents at a time (one query per 500 agents
 * instead of several per agent, window and mission) and then sliced in memory. It answers exactly what
 * loadAgentEvents / loadOwnEvents would: an agent's events in a window plus the created / solved / reopened
 * events of the tickets they touched. A request outside what was prefetched falls through to those loaders.
 * Valid for one transaction that writes no events after the prefetch (the ingest batch stores its events first).
 */
export class EventCache {
  private readonly own = new Map<string, Coverage>();
  /** Per streak-type selection (e.g. "csat_rated,ticket_solved"): agent → coverage. */
  private readonly typed = new Map<string, Map<string, Coverage>>();
  private readonly context = new Map<string, HelpdeskEvent[]>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Loads every event of `agentIds` at or after `since` (and their tickets' context) unless already held. */
  async prefetch(agentIds: Iterable<string>, since: string): Promise<void> {
    const missing = [...new Set(agentIds)].filter((id) => !this.covers(this.own, id, since));
    if (missing.length === 0) return;
    for (const id of missing) this.own.set(id, { since, rows: [] });
    const tickets = new Set<string>();
    for (let i = 0; i < missing.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('events')
        .select(['agent_id', 'body', 'ticket_id', 'at', 'type'])
        .where('agent_id', 'in', missing.slice(i, i + CHUNK))
        .where('at', '>=', since)
        .execute();
      for (const r of rows) {
        if (!r.agent_id) continue;
        this.own.get(r.agent_id)?.rows.push(held(r));
        if (!this.context.has(r.ticket_id)) tickets.add(r.ticket_id);
      }
    }
    await this.loadContext([...tickets]);
  }

  /** Loads the events of `types` of `agentIds` at or after `since`, unless already held. */
  async prefetchOwn(agentIds: Iterable<string>, since: string, types: HelpdeskEventType[]): Promise<void> {
    const byAgent = this.typedMap(types);
    const missing = [...new Set(agentIds)].filter((id) => !this.covers(byAgent, id, since));
    for (const id of missing) byAgent.set(id, { since, rows: [] });
    for (let i = 0; i < missing.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('events')
        .select(['agent_id', 'body', 'ticket_id', 'at', 'type'])
        .where('agent_id', 'in', missing.slice(i, i + CHUNK))
        .where('at', '>=', since)
        .where('type', 'in', types)
        .execute();
      for (const r of rows) if (r.agent_id) byAgent.get(r.agent_id)?.rows.push(held(r));
    }
  }

  /** Same result as loadAgentEvents(db, agentId, window). */
  async agentEvents(agentId: string, window: TimeWindow): Promise<HelpdeskEvent[]> {
    const from = new Date(window.from).toISOString();
    const to = new Date(window.to).toISOString();
    const coverage = this.own.get(agentId);
    if (!coverage || coverage.since > from) return loadAgentEvents(this.db, agentId, window);
    const own = coverage.rows.filter((r) => r.at >= from && r.at < to);
    const tickets = new Set(own.map((r) => r.ticketId));
    const context: HelpdeskEvent[] = [];
    for (const t of tickets) context.push(...(this.context.get(t) ?? []));
    return [...own.map((r) => r.event), ...context];
  }

  /** Same result as loadOwnEvents(db, agentId, since, types). */
  async ownEvents(agentId: string, since: string, types: HelpdeskEventType[]): Promise<HelpdeskEvent[]> {
    const coverage = this.typedMap(types).get(agentId);
    if (coverage && coverage.since <= since)
      return coverage.rows.filter((r) => r.at >= since).map((r) => r.event);
    const all = this.own.get(agentId);
    const wanted = new Set<string>(types);
    if (all && all.since <= since)
      return all.rows.filter((r) => r.at >= since && wanted.has(r.type)).map((r) => r.event);
    return loadOwnEvents(this.db, agentId, since, types);
  }

  private async loadContext(tickets: string[]): Promise<void> {
    for (const t of tickets) this.context.set(t, []);
    for (let i = 0; i < tickets.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('events')
        .select(['body', 'ticket_id'])
        .where('ticket_id', 'in', tickets.slice(i, i + CHUNK))
        .where('type', 'in', TICKET_CONTEXT_TYPES)
        .execute();
      for (const r of rows) this.context.get(r.ticket_id)?.push(storedEvent(r.body));
    }
  }

  private typedMap(types: HelpdeskEventType[]): Map<string, Coverage> {
    const key = [...types].sort().join(',');
    let map = this.typed.get(key);
    if (!map) this.typed.set(key, (map = new Map()));
    return map;
  }

  private covers(map: Map<string, Coverage>, agentId: string, since: string): boolean {
    const c = map.get(agentId);
    return c !== undefined && c.since <= since;
  }
}
