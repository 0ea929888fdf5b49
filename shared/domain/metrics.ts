import type { HelpdeskEvent } from './events';
import { type AgentMetrics, MinSamples, type MetricKey, type MetricValue } from './metrics-model';
import type { TimeWindow } from './primitives';
import { dedupeEvents, inWindow } from './event-set';
import { metricValuesOf } from './metric-values';
import { assertTimeZone, msOf } from './time';
import { ticketFacts } from './ticket-facts';

export interface ComputeMetricsInput {
  /** Whose metrics these are; with `agentIds` it only names the result (e.g. a team id). */
  agentId: string;
  /** For a team mission: count the activity of all these agents together. */
  agentIds?: readonly string[];
  /** The agent's events of the window plus ticket_created / ticket_solved events of the tickets they touch. */
  events: readonly HelpdeskEvent[];
  window: TimeWindow;
  timezone: string;
  minSamples?: Partial<MinSamples>;
}

const MINUTE = 60_000;

/** Per-agent metrics over a half-open window; duplicates and arrival order never change the result. */
export function computeMetrics(input: ComputeMetricsInput): AgentMetrics {
  const { agentId, window } = input;
  const members = new Set(input.agentIds ?? [agentId]);
  const mine = (id: string | undefined) => id !== undefined && members.has(id);
  const timezone = assertTimeZone(input.timezone);
  const min = MinSamples.parse(input.minSamples ?? {});
  if (msOf(window.from) >= msOf(window.to))
    throw new Error(`metrics window must have from < to, got [${window.from}, ${window.to})`);
  const events = dedupeEvents(input.events);
  const tickets = ticketFacts(events);
  const within = (e: HelpdeskEvent) => inWindow(e.at, window);

  // Solves and resolution: each ticket's last solve by this agent inside the window.
  const lastSolve = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'ticket_solved' && mine(e.agentId) && within(e)) lastSolve.set(e.ticketId, msOf(e.at));
  }
  const resolution: number[] = [];
  for (const [ticketId, solvedAt] of lastSolve) {
    const created = tickets.get(ticketId)?.createdAt;
    if (created !== undefined && solvedAt >= created) resolution.push((solvedAt - created) / MINUTE);
  }

  // First reply time: the ticket's first public reply, credited to whoever made it, in the window holding it.
  const frt: number[] = [];
  for (const facts of tickets.values()) {
    const first = facts.firstPublicReply;
    if (!first || !mine(first.agentId) || facts.createdAt === undefined) continue;
    if (!within(first) || msOf(first.at) < facts.createdAt) continue;
    frt.push((msOf(first.at) - facts.createdAt) / MINUTE);
  }

  // CSAT: the latest rating of each ticket within the window, counted for the agent it is attributed to.
  const latestRating = new Map<string, Extract<HelpdeskEvent, { type: 'csat_rated' }>>();
  for (const e of events) if (e.type === 'csat_rated' && within(e)) latestRating.set(e.ticketId, e);
  const ratings = [...latestRating.values()].filter((r) => mine(r.agentId));
  const satisfied = ratings.filter((r) => r.satisfied).length;

  const qa: number[] = [];
  const aht: number[] = [];
  for (const e of events) {
    if (!mine(e.agentId) || !within(e)) continue;
    if (e.type === 'qa_scored') qa.push(e.score);
    if (e.type === 'call_handled') aht.push(e.talkSeconds + e.holdSeconds + e.wrapSeconds);
  }

  // Reopens count against the solve they undo: the named agent, else whoever last solved the ticket before it.
  let reopened = 0;
  for (const e of events) {
    if (e.type !== 'ticket_reopened' || !within(e)) continue;
    const against = e.agentId ?? tickets.get(e.ticketId)?.lastSolverBefore(msOf(e.at));
    if (mine(against)) reopened++;
  }
  const solved = lastSolve.size;

  const values = metricValuesOf(
    {
      solved,
      frtMinutes: frt,
      resolutionMinutes: resolution,
      ratings: ratings.length,
      satisfied,
      qaScores: qa,
      reopened,
      ahtSeconds: aht,
    },
    min,
  );
  return { agentId, from: window.from, to: window.to, timezone, ...values };
}

export function metricValueOf(metrics: AgentMetrics, key: MetricKey): MetricValue {
  return metrics[key];
}
