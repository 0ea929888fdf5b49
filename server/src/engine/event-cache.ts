import type { Kysely } from 'kysely';
import { eventKey, type HelpdeskEvent, type HelpdeskEventType } from '../../../shared/domain/events';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { Database } from '../store/schema';
import { msOf } from '../../../shared/domain/time';
import {
  agentlessReopens,
  eventsOfAgentsSince,
  loadAgentEvents,
  loadOwnEvents,
  ticketContextEvents,
  type EventRow,
} from '../store/repos/events-repo';

interface Coverage {
  since: string;
  rows: EventRow[];
}

/**
 * The events one ingest batch's refresh reads, loaded once for many agents at a time (one query per 500 agents
 * instead of several per agent, window and mission) and then sliced in memory. It answers exactly what
 * loadAgentEvents / loadOwnEvents would: an agent's events in a window plus the metric context
 * (METRIC_CONTEXT_TYPES) of the tickets they touched and of the tickets an agentless reopen in the window
 * reopened after they solved them. A request outside what was prefetched falls through to those loaders.
 * Valid for one transaction that writes no events after the prefetch (the ingest batch stores its events first).
 */
export class EventCache {
  private readonly own = new Map<string, Coverage>();
  /** Per streak-type selection (e.g. "csat_rated,ticket_solved"): agent → coverage. */
  private readonly typed = new Map<string, Map<string, Coverage>>();
  private readonly context = new Map<string, HelpdeskEvent[]>();
  /** The agentless reopens at or after `since` (their tickets' context is held too). */
  private reopens: { since: string; rows: { ticketId: string; at: string }[] } | null = null;
  /**
   * One object per stored event (its idempotency key), however many reads returned it: an agent's own event
   * is also its ticket's context, and the domain's dedupe recognises the same object without serialising it.
   */
  private readonly interned = new Map<string, HelpdeskEvent>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Loads every event of `agentIds` at or after `since` (and their tickets' context) unless already held. */
  async prefetch(agentIds: Iterable<string>, since: string): Promise<void> {
    const missing = [...new Set(agentIds)].filter((id) => !this.covers(this.own, id, since));
    if (missing.length === 0) return;
    for (const id of missing) this.own.set(id, { since, rows: [] });
    const tickets = new Set<string>();
    for (const r of await eventsOfAgentsSince(this.db, missing, since)) {
      this.own.get(r.agentId)?.rows.push(this.intern(r));
      if (!this.context.has(r.ticketId)) tickets.add(r.ticketId);
    }
    if (!this.reopens || this.reopens.since > since) {
      const rows = await agentlessReopens(this.db, { from: since, to: '9999-12-31T23:59:59.999Z' });
      this.reopens = { since, rows };
      for (const r of rows) if (!this.context.has(r.ticketId)) tickets.add(r.ticketId);
    }
    await this.loadContext([...tickets]);
  }

  /** Loads the events of `types` of `agentIds` at or after `since`, unless already held. */
  async prefetchOwn(agentIds: Iterable<string>, since: string, types: HelpdeskEventType[]): Promise<void> {
    const byAgent = this.typedMap(types);
    const missing = [...new Set(agentIds)].filter((id) => !this.covers(byAgent, id, since));
    for (const id of missing) byAgent.set(id, { since, rows: [] });
    for (const r of await eventsOfAgentsSince(this.db, missing, since, types))
      byAgent.get(r.agentId)?.rows.push(this.intern(r));
  }

  /** Same result as loadAgentEvents(db, agentId, window). */
  async agentEvents(agentId: string, window: TimeWindow): Promise<HelpdeskEvent[]> {
    const from = new Date(window.from).toISOString();
    const to = new Date(window.to).toISOString();
    const coverage = this.own.get(agentId);
    if (!coverage || coverage.since > from || !this.reopens || this.reopens.since > from)
      return loadAgentEvents(this.db, agentId, window);
    const own = coverage.rows.filter((r) => r.at >= from && r.at < to);
    const tickets = new Set(own.map((r) => r.ticketId));
    for (const r of this.reopens.rows) {
      if (r.at < from || r.at >= to || tickets.has(r.ticketId)) continue;
      const solvedBefore = (this.context.get(r.ticketId) ?? []).some(
        (e) => e.type === 'ticket_solved' && e.agentId === agentId && msOf(e.at) < Date.parse(r.at),
      );
      if (solvedBefore) tickets.add(r.ticketId);
    }
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
    for (const r of await ticketContextEvents(this.db, tickets))
      this.context.get(r.ticketId)?.push(this.intern(r).event);
  }

  private intern<R extends { event: HelpdeskEvent }>(row: R): R {
    const key = eventKey(row.event);
    const seen = this.interned.get(key);
    if (seen) return { ...row, event: seen };
    this.interned.set(key, row.event);
    return row;
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
