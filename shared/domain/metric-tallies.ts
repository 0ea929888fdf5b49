import { eventKey, type HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import { type AgentMetrics, MinSamples } from './metrics-model';
import type { IsoDate, IsoInstant, TimeWindow } from './primitives';
import { metricValuesOf } from './metric-values';
import { assertTimeZone, localDateOf, msOf } from './time';
import { ticketFacts } from './ticket-facts';

/**
 * Per-agent, per-local-day tallies: what computeMetrics would read of each ticket, already credited to the
 * agent and day it counts for. Ticket-level facts (creation, the ticket's first public reply, the solve a
 * reopen undoes, which rating is the ticket's latest) are settled per ticket from all of its events and then
 * tallied, so a window's metrics are read from the tallies of the days it covers without the raw events.
 *
 * Each credited item keeps its instant, so any window — a local week or a mission's arbitrary [start, end) —
 * is exact: the days are only a bucket to read by. A median cannot be summed, so the samples are kept.
 */
export interface TicketCredit {
  /** The ticket's creation (its earliest ticket_created), where a solve or first reply is measured from. */
  createdAt?: IsoInstant;
  /** This agent's solves of the ticket on this day, in canonical order. */
  solves?: IsoInstant[];
  /** The ticket's first public reply, when this agent made it on this day (after creation). */
  firstReplyAt?: IsoInstant;
  /**
   * Every rating of the ticket on this day (whoever it is attributed to), held by each agent who was ever
   * rated on the ticket: only a later rating of someone else can cancel this agent's rating.
   */
  ratings?: { at: IsoInstant; key: string; agentId: string; satisfied: boolean }[];
  qa?: { at: IsoInstant; score: number }[];
  aht?: { at: IsoInstant; seconds: number }[];
  /** Reopens counted against this agent (named, or the ticket's last solver before the reopen). */
  reopens?: IsoInstant[];
}

/** One agent's tally of one local day (in the agent's zone): the credit of every ticket that counts there. */
export interface AgentDayTally {
  agentId: string;
  day: IsoDate;
  tickets: Record<string, TicketCredit>;
}

/** One ticket's credit to one agent's day. */
export interface DayCredit {
  agentId: string;
  day: IsoDate;
  ticketId: string;
  credit: TicketCredit;
}

export const tallyKey = (agentId: string, day: IsoDate) => `${agentId}\u0000${day}`;

/**
 * The credits of the tickets in `events`, each derived from all events of its ticket that are given (give
 * every event of a ticket, or at least the metric context METRIC_CONTEXT_TYPES plus the agents' own events).
 * `timezoneOf` names the zone whose local day an agent's credits are bucketed by; agents it does not know are
 * not credited (no one else's metrics read their credits).
 */
export function ticketCredits(
  events: readonly HelpdeskEvent[],
  timezoneOf: (agentId: string) => string | undefined,
): DayCredit[] {
  const all = dedupeEvents(events);
  const facts = ticketFacts(all);
  const byTicket = new Map<string, HelpdeskEvent[]>();
  for (const e of all) {
    let list = byTicket.get(e.ticketId);
    if (!list) byTicket.set(e.ticketId, (list = []));
    list.push(e);
  }
  const out: DayCredit[] = [];
  for (const [ticketId, evs] of byTicket) {
    const f = facts.get(ticketId)!;
    const credits = new Map<string, DayCredit>();
    const creditOf = (agentId: string, at: IsoInstant): TicketCredit | undefined => {
      const tz = timezoneOf(agentId);
      if (tz === undefined) return undefined;
      // UTC needs no zone rules (a bucket a computation keeps in memory only, say).
      const day =
        tz === 'UTC' ? (new Date(msOf(at)).toISOString().slice(0, 10) as IsoDate) : localDateOf(at, tz);
      const key = tallyKey(agentId, day);
      let c = credits.get(key);
      if (!c) credits.set(key, (c = { agentId, day, ticketId, credit: {} }));
      return c.credit;
    };
    const raters = new Set<string>();
    for (const e of evs) if (e.type === 'csat_rated') raters.add(e.agentId);
    for (const e of evs) {
      if (e.type === 'ticket_solved') {
        const c = creditOf(e.agentId, e.at);
        if (c) (c.solves ??= []).push(e.at);
      } else if (e.type === 'csat_rated') {
        const rating = { at: e.at, key: eventKey(e), agentId: e.agentId, satisfied: e.satisfied };
        for (const rater of raters) {
          const c = creditOf(rater, e.at);
          if (c) (c.ratings ??= []).push(rating);
        }
      } else if (e.type === 'qa_scored') {
        const c = creditOf(e.agentId, e.at);
        if (c) (c.qa ??= []).push({ at: e.at, score: e.score });
      } else if (e.type === 'call_handled') {
        const c = creditOf(e.agentId, e.at);
        if (c) (c.aht ??= []).push({ at: e.at, seconds: e.talkSeconds + e.holdSeconds + e.wrapSeconds });
      } else if (e.type === 'ticket_reopened') {
        const against = e.agentId ?? f.lastSolverBefore(msOf(e.at));
        const c = against === undefined ? undefined : creditOf(against, e.at);
        if (c) (c.reopens ??= []).push(e.at);
      }
    }
    const first = f.firstPublicReply;
    if (first && f.createdAt !== undefined && msOf(first.at) >= f.createdAt) {
      const c = creditOf(first.agentId, first.at);
      if (c) c.firstReplyAt = first.at;
    }
    const created = evs.find((e) => e.type === 'ticket_created')?.at;
    for (const { credit } of credits.values())
      if (created !== undefined && (credit.solves || credit.firstReplyAt)) credit.createdAt = created;
    out.push(...credits.values());
  }
  return out;
}

/** Tallies of every agent `timezoneOf` knows, from scratch. */
export function talliesFromEvents(
  events: readonly HelpdeskEvent[],
  timezoneOf: (agentId: string) => string | undefined,
): Map<string, AgentDayTally> {
  const tallies = new Map<string, AgentDayTally>();
  applyCredits(tallies, [], ticketCredits(events, timezoneOf));
  return tallies;
}

/**
 * Moves re-derived tickets in the tallies: every ticket of `before` (its credits as last derived) leaves the
 * days it was credited to, then `after` (the same tickets derived again with their new events) is credited.
 * Only the re-derived tickets change, so a late or duplicate event costs the days its ticket touches. Returns
 * the keys (tallyKey) of the tallies that changed; a tally left without tickets is removed.
 */
export function applyCredits(
  tallies: Map<string, AgentDayTally>,
  before: readonly DayCredit[],
  after: readonly DayCredit[],
): Set<string> {
  const touched = new Set<string>();
  for (const c of before) {
    const key = tallyKey(c.agentId, c.day);
    const tally = tallies.get(key);
    if (!tally || !(c.ticketId in tally.tickets)) continue;
    delete tally.tickets[c.ticketId];
    touched.add(key);
    if (Object.keys(tally.tickets).length === 0) tallies.delete(key);
  }
  for (const c of after) {
    const key = tallyKey(c.agentId, c.day);
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { agentId: c.agentId, day: c.day, tickets: {} }));
    tally.tickets[c.ticketId] = c.credit;
    touched.add(key);
  }
  return touched;
}

export interface TallyMetricsInput {
  agentId: string;
  /** For a team mission: count the activity of all these agents together (as computeMetrics does). */
  agentIds?: readonly string[];
  /** Any tallies holding every day of the window for these agents (more days or agents change nothing). */
  tallies: Iterable<AgentDayTally>;
  window: TimeWindow;
  timezone: string;
  minSamples?: Partial<MinSamples>;
}

const MINUTE = 60_000;

/**
 * computeMetrics, read from tallies: for the same events it gives exactly the same metrics (the property
 * tests in tests/unit/domain/metric-tallies.property.test.ts hold it to that).
 */
export function metricsFromTallies(input: TallyMetricsInput): AgentMetrics {
  const { agentId, window } = input;
  const members = new Set(input.agentIds ?? [agentId]);
  const timezone = assertTimeZone(input.timezone);
  const min = MinSamples.parse(input.minSamples ?? {});
  const from = msOf(window.from);
  const to = msOf(window.to);
  if (from >= to) throw new Error(`metrics window must have from < to, got [${window.from}, ${window.to})`);
  const within = (at: IsoInstant) => {
    const t = msOf(at);
    return t >= from && t < to;
  };

  const lastSolve = new Map<string, { at: number; createdAt: IsoInstant | undefined }>();
  const latestRating = new Map<string, { t: number; key: string; agentId: string; satisfied: boolean }>();
  const frt: number[] = [];
  const qa: number[] = [];
  const aht: number[] = [];
  let reopened = 0;
  for (const tally of input.tallies) {
    if (!members.has(tally.agentId)) continue;
    for (const [ticketId, c] of Object.entries(tally.tickets)) {
      for (const at of c.solves ?? []) {
        if (!within(at)) continue;
        const t = msOf(at);
        const seen = lastSolve.get(ticketId);
        if (!seen || t > seen.at) lastSolve.set(ticketId, { at: t, createdAt: c.createdAt });
      }
      if (c.firstReplyAt !== undefined && c.createdAt !== undefined && within(c.firstReplyAt))
        frt.push((msOf(c.firstReplyAt) - msOf(c.createdAt)) / MINUTE);
      for (const r of c.ratings ?? []) {
        if (!within(r.at)) continue;
        const t = msOf(r.at);
        const seen = latestRating.get(ticketId);
        if (!seen || t > seen.t || (t === seen.t && r.key > seen.key))
          latestRating.set(ticketId, { t, key: r.key, agentId: r.agentId, satisfied: r.satisfied });
      }
      for (const q of c.qa ?? []) if (within(q.at)) qa.push(q.score);
      for (const a of c.aht ?? []) if (within(a.at)) aht.push(a.seconds);
      for (const at of c.reopens ?? []) if (within(at)) reopened++;
    }
  }
  const resolution: number[] = [];
  for (const { at, createdAt } of lastSolve.values()) {
    if (createdAt !== undefined && at >= msOf(createdAt)) resolution.push((at - msOf(createdAt)) / MINUTE);
  }
  const ratings = [...latestRating.values()].filter((r) => members.has(r.agentId));
  const satisfied = ratings.filter((r) => r.satisfied).length;
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
