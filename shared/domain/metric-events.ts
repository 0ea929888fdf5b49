import type { HelpdeskEvent, HelpdeskEventType } from './events';
import type { TimeWindow } from './primitives';
import { inWindow } from './event-set';
import { msOf } from './time';

/**
 * The types of other agents' (and agentless) events computeMetrics reads on the tickets an agent touched:
 * creation (FRT and resolution start there), public replies (the ticket's first one, whoever made it, is the
 * only one that counts), solves (a reopen without an agent counts against the last solver), reopens, and
 * ratings (a ticket's latest rating in the window counts, whoever it is attributed to).
 */
export const METRIC_CONTEXT_TYPES = [
  'ticket_created',
  'agent_replied',
  'ticket_solved',
  'ticket_reopened',
  'csat_rated',
] as const satisfies readonly HelpdeskEventType[];

export interface MetricEventsInput {
  /** The agent, or every member of a team mission. */
  agentIds: readonly string[];
  window: TimeWindow;
  /** Any superset of what is needed, e.g. everything stored (one event per idempotency key). */
  events: readonly HelpdeskEvent[];
}

/**
 * Exactly the events computeMetrics needs to compute `agentIds`' metrics over `window` (or any window inside
 * it) as it would from every event there is. Any superset of this gives the same result, so a loader may
 * fetch more; it must not fetch less:
 *
 * 1. the agents' own events (any type) in the window;
 * 2. the tickets of (1), plus the tickets with an agentless `ticket_reopened` in the window that one of the
 *    agents had solved before that reopen (it counts against them);
 * 3. every event of the METRIC_CONTEXT_TYPES on the tickets of (2), by anyone, at any time.
 */
export function metricEventsFor(input: MetricEventsInput): HelpdeskEvent[] {
  const members = new Set(input.agentIds);
  const mine = (e: HelpdeskEvent) => e.agentId !== undefined && members.has(e.agentId);
  const own = input.events.filter((e) => mine(e) && inWindow(e.at, input.window));
  const tickets = new Set(own.map((e) => e.ticketId));
  const memberSolves = new Map<string, number[]>();
  for (const e of input.events)
    if (e.type === 'ticket_solved' && mine(e))
      memberSolves.set(e.ticketId, [...(memberSolves.get(e.ticketId) ?? []), msOf(e.at)]);
  for (const e of input.events) {
    if (e.type !== 'ticket_reopened' || e.agentId !== undefined || !inWindow(e.at, input.window)) continue;
    if (memberSolves.get(e.ticketId)?.some((at) => at < msOf(e.at))) tickets.add(e.ticketId);
  }
  const context = new Set<HelpdeskEventType>(METRIC_CONTEXT_TYPES);
  const ownSet = new Set(own);
  return input.events.filter((e) => ownSet.has(e) || (tickets.has(e.ticketId) && context.has(e.type)));
}
