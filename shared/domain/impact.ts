import type { HelpdeskEvent } from './events';
import { dedupeEvents, inWindow } from './event-set';
import type { TimeWindow } from './primitives';
import type { CustomerWords, ImpactSummary, IsoMonth, RatingCounts, TurnedAround } from './recognition-model';
import { msOf } from './time';

/** How many of the customers' own words the impact card quotes. */
export const IMPACT_WORDS = 3;

type Rating = Extract<HelpdeskEvent, { type: 'csat_rated' }>;

/**
 * Each ticket's latest rating inside the window (a customer who changes their mind counts once, as they last
 * said), the same rule computeMetrics uses for CSAT. Events must be deduplicated and in canonical order.
 */
function latestRatings(events: readonly HelpdeskEvent[], window: TimeWindow): Map<string, Rating> {
  const latest = new Map<string, Rating>();
  for (const e of events) if (e.type === 'csat_rated' && inWindow(e.at, window)) latest.set(e.ticketId, e);
  return latest;
}

/** Satisfied and rated tickets of the agent in the window (each ticket's latest rating there). */
export function ratingCounts(input: {
  agentId: string;
  events: readonly HelpdeskEvent[];
  window: TimeWindow;
}): RatingCounts {
  const mine = [...latestRatings(dedupeEvents(input.events), input.window).values()].filter(
    (r) => r.agentId === input.agentId,
  );
  return { satisfied: mine.filter((r) => r.satisfied).length, rated: mine.length };
}

/**
 * Tough tickets the agent turned around: after the ticket's last dissatisfied rating (by whoever it named), the
 * agent's first solve of it or a satisfied rating naming the agent. A later complaint undoes a turnaround, so a
 * ticket whose customer is unhappy again is not claimed. Returned newest first, when it happened in `window`.
 */
export function turnedAround(input: {
  agentId: string;
  events: readonly HelpdeskEvent[];
  window: TimeWindow;
}): TurnedAround[] {
  const events = dedupeEvents(input.events);
  const lastComplaint = new Map<string, number>();
  for (const e of events)
    if (e.type === 'csat_rated' && !e.satisfied) lastComplaint.set(e.ticketId, msOf(e.at));
  const turned = new Map<string, TurnedAround>();
  for (const e of events) {
    const complaint = lastComplaint.get(e.ticketId);
    if (complaint === undefined || turned.has(e.ticketId) || msOf(e.at) <= complaint) continue;
    if (e.agentId !== input.agentId) continue;
    const recovers = e.type === 'ticket_solved' || (e.type === 'csat_rated' && e.satisfied);
    if (recovers) turned.set(e.ticketId, { ticketId: e.ticketId, at: e.at });
  }
  return [...turned.values()]
    .filter((t) => inWindow(t.at, input.window))
    .sort((a, b) => msOf(b.at) - msOf(a.at) || (a.ticketId < b.ticketId ? -1 : 1));
}

/**
 * "This month you helped 312 customers; 28 said thank you": the distinct tickets the agent answered publicly or
 * solved in the month, the satisfied ratings with words (each ticket's latest rating in the month, naming the
 * agent), the newest of those words, and the tough tickets turned around. Internal notes are not "helping a
 * customer". Independent of the order events arrive in and of duplicates.
 */
export function impactSummary(input: {
  agentId: string;
  events: readonly HelpdeskEvent[];
  month: IsoMonth;
  window: TimeWindow;
}): ImpactSummary {
  const { agentId, window } = input;
  const events = dedupeEvents(input.events);
  const helped = new Set<string>();
  for (const e of events) {
    if (e.agentId !== agentId || !inWindow(e.at, window)) continue;
    if ((e.type === 'agent_replied' && e.public) || e.type === 'ticket_solved') helped.add(e.ticketId);
  }
  const words: CustomerWords[] = [];
  for (const r of latestRatings(events, window).values()) {
    const text = r.comment?.trim();
    if (r.agentId !== agentId || !r.satisfied || !text) continue;
    words.push({ text, from: r.customerName?.trim() || 'A customer', ticketId: r.ticketId, at: r.at });
  }
  words.sort((a, b) => msOf(b.at) - msOf(a.at) || (a.ticketId < b.ticketId ? -1 : 1));
  return {
    month: input.month,
    helped: helped.size,
    thanked: words.length,
    words: words.slice(0, IMPACT_WORDS),
    turnedAround: turnedAround({ agentId, events, window }),
  };
}
