import type { HelpdeskEvent } from './events';
import { msOf } from './time';

/** What the engine knows about one ticket across all events it was given (which may lie outside a window). */
export interface TicketFacts {
  /** Earliest ticket_created instant, in ms. */
  createdAt: number | undefined;
  /** The ticket's first public agent reply, whoever made it. */
  firstPublicReply: Extract<HelpdeskEvent, { type: 'agent_replied' }> | undefined;
  solves: Array<{ at: number; agentId: string }>;
  /** The agent who last solved the ticket strictly before `at`. */
  lastSolverBefore(at: number): string | undefined;
}

/** Builds ticket facts from deduplicated events in canonical order (see event-set.ts). */
export function ticketFacts(events: readonly HelpdeskEvent[]): Map<string, TicketFacts> {
  const map = new Map<string, TicketFacts>();
  const get = (ticketId: string): TicketFacts => {
    let f = map.get(ticketId);
    if (!f) {
      const solves: TicketFacts['solves'] = [];
      f = {
        createdAt: undefined,
        firstPublicReply: undefined,
        solves,
        lastSolverBefore: (at) => solves.filter((s) => s.at < at).at(-1)?.agentId,
      };
      map.set(ticketId, f);
    }
    return f;
  };
  for (const e of events) {
    const f = get(e.ticketId);
    if (e.type === 'ticket_created' && f.createdAt === undefined) f.createdAt = msOf(e.at);
    if (e.type === 'agent_replied' && e.public && !f.firstPublicReply) f.firstPublicReply = e;
    if (e.type === 'ticket_solved') f.solves.push({ at: msOf(e.at), agentId: e.agentId });
  }
  return map;
}
