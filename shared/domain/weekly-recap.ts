import type { IsoDate, IsoInstant, TimeWindow } from './primitives';
import type { Absence, WeeklySchedule } from './streak-model';
import type { HelpdeskEvent } from './events';
import type { Kudos } from './people-model';
import type { Mission, MissionOffer } from './mission-model';
import type { WeeklyTrendPoint } from './metrics-model';
import type { WeeklyRecap } from './recap-model';
import { dedupeEvents, inWindow } from './event-set';
import { personalBests } from './personal-bests';
import { addDays, msOf, startOfDate, toInstant, weekWindowOf } from './time';
import { shiftOn } from './workday';

/**
 * The weekly recap's rules (issue 18): when it is due, each number against the agent's own past, and the
 * recap itself from facts. The scheduler job (server/src/engine/weekly-recap-job.ts) delivers it.
 */

/**
 * When a week's recap is due: the start of the agent's first scheduled shift of that week that is not an absence,
 * in their own time zone; null when they have no shift that week (nothing is sent to someone on leave).
 */
export function recapDueAt(
  weekStart: IsoDate,
  timezone: string,
  schedule: WeeklySchedule,
  absences: readonly Absence[],
): IsoInstant | null {
  const away = new Set(absences.map((a) => a.date));
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i);
    const shift = shiftOn(date, schedule);
    if (!shift || away.has(date)) continue;
    const [h, m] = shift.start.split(':').map(Number);
    return toInstant(startOfDate(date, timezone).set({ hour: h ?? 0, minute: m ?? 0 }));
  }
  return null;
}

export type RecapChange = 'above_usual' | 'usual' | 'below_usual' | 'first_weeks';

/** How many earlier weeks of the agent's own make "usual"; fewer than RECAP_MIN_HISTORY says nothing. */
export const RECAP_HISTORY_WEEKS = 4;
export const RECAP_MIN_HISTORY = 2;

/**
 * One number of the week against the agent's own past only: the median of their previous weeks (at most
 * RECAP_HISTORY_WEEKS, the most recent). Within 10 % of it is "usual". Never compared with anyone else.
 */
export function againstOwnPast(
  thisWeek: number,
  pastWeeks: readonly { weekStart: IsoDate; value: number }[],
): { value: number; usual: number | null; change: RecapChange } {
  const byWeek = new Map<IsoDate, number>();
  for (const p of pastWeeks) byWeek.set(p.weekStart, Math.max(byWeek.get(p.weekStart) ?? -Infinity, p.value));
  const recent = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, RECAP_HISTORY_WEEKS)
    .map(([, v]) => v)
    .sort((a, b) => a - b);
  if (recent.length < RECAP_MIN_HISTORY) return { value: thisWeek, usual: null, change: 'first_weeks' };
  const mid = recent.length >> 1;
  const usual = recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
  const band = Math.max(1, usual * 0.1);
  const change: RecapChange =
    thisWeek > usual + band ? 'above_usual' : thisWeek < usual - band ? 'below_usual' : 'usual';
  return { value: thisWeek, usual, change };
}

/** The week a recap delivered in `forWeek` is about: the one before it. */
export const recappedWeek = (forWeek: IsoDate): IsoDate => addDays(forWeek, -7);

/** The recap's three counted numbers of one week, from the agent's helpdesk events (deduplicated first). */
export interface WeekFacts {
  solved: number;
  customersHelped: number;
  thanksReceived: number;
}

export function weekFacts(agentId: string, events: readonly HelpdeskEvent[], window: TimeWindow): WeekFacts {
  const solved = new Set<string>();
  const helped = new Set<string>();
  let thanks = 0;
  for (const e of dedupeEvents(events)) {
    if (!('agentId' in e) || e.agentId !== agentId || !inWindow(e.at, window)) continue;
    if (e.type === 'ticket_solved') {
      solved.add(e.ticketId);
      helped.add(e.ticketId);
    } else if (e.type === 'agent_replied' && e.public) helped.add(e.ticketId);
    else if (e.type === 'csat_rated' && e.satisfied) thanks += 1;
  }
  return { solved: solved.size, customersHelped: helped.size, thanksReceived: thanks };
}

export interface RecapInput {
  agentId: string;
  name: string;
  timezone: string;
  /** The week that begins: the recap is about the week before it. */
  forWeek: IsoDate;
  deliveredAt: IsoInstant;
  /** The agent's events of the recapped week and of the RECAP_HISTORY_WEEKS before it (any order, duplicates ok). */
  events: readonly HelpdeskEvent[];
  /** Kudos the agent received (any range; only the recapped week's are listed). */
  kudos: readonly Kudos[];
  /** The agent's weekly trend points, for the personal bests set in the recapped week. */
  trends: readonly WeeklyTrendPoint[];
  /** The agent's missions (any); those settled in the recapped week are listed. */
  missions: readonly Mission[];
  streak: { current: number; longest: number };
  /** The offers made for `forWeek`. */
  offers: readonly MissionOffer[];
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...new Map(items.map((i) => [i.id, i])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byAtThenId =
  <T extends { id: string }>(at: (t: T) => string) =>
  (a: T, b: T) =>
    msOf(at(a)) - msOf(at(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The agent's recap from facts only: each number against their own past weeks (never anyone else), the kudos
 * that named them in the week, the personal bests it set, the missions it settled, the streak and the new
 * week's offers. Order and duplicates of any input change nothing (everything is keyed and sorted).
 */
export function recapOf(input: RecapInput): WeeklyRecap {
  const week = recappedWeek(input.forWeek);
  const window = weekWindowOf(week, input.timezone);
  const facts = weekFacts(input.agentId, input.events, window);
  const past = Array.from({ length: RECAP_HISTORY_WEEKS }, (_, i) => {
    const weekStart = addDays(week, -7 * (i + 1));
    return {
      weekStart,
      facts: weekFacts(input.agentId, input.events, weekWindowOf(weekStart, input.timezone)),
    };
  });
  // A week before the agent's first event is not a week of zero: it is no history at all.
  const firstEvent = Math.min(
    ...input.events.filter((e) => 'agentId' in e && e.agentId === input.agentId).map((e) => msOf(e.at)),
  );
  const history = past.filter((p) => msOf(weekWindowOf(p.weekStart, input.timezone).to) > firstEvent);
  const own = (key: keyof WeekFacts) =>
    againstOwnPast(
      facts[key],
      history.map((p) => ({ weekStart: p.weekStart, value: p.facts[key] })),
    );
  const kudos = byId(input.kudos)
    .filter((k) => k.toPersonId === input.agentId && inWindow(k.at, window))
    .sort(byAtThenId((k) => k.at))
    .map((k) => ({
      id: k.id,
      kind: k.kind,
      fromName: k.fromName,
      value: k.value,
      // A customer's kudos says it best in their own words.
      message:
        k.kind === 'customer' && k.customerQuote ? `“${clip(k.customerQuote, 280)}”` : clip(k.message, 280),
      at: k.at,
    }));
  const missions = byId(input.missions)
    .filter(
      (m): m is Mission & { settledAt: string; status: 'completed' | 'missed' } =>
        m.agentId === input.agentId &&
        (m.status === 'completed' || m.status === 'missed') &&
        m.settledAt !== null &&
        inWindow(m.settledAt, window),
    )
    .sort(byAtThenId((m) => m.settledAt))
    .map((m) => ({ id: m.id, title: m.title, status: m.status, settledAt: m.settledAt }));
  const trends = [...new Map(input.trends.map((t) => [t.weekStart, t])).values()].filter(
    (t) => t.weekStart <= week,
  );
  return {
    id: `recap:${input.agentId}:${input.forWeek}`,
    agentId: input.agentId,
    name: input.name,
    timezone: input.timezone,
    weekStart: week,
    forWeek: input.forWeek,
    deliveredAt: input.deliveredAt,
    solved: own('solved'),
    customersHelped: own('customersHelped'),
    thanksReceived: own('thanksReceived'),
    kudos,
    personalBests: personalBests(trends).filter((b) => b.weekStart === week),
    missions,
    streak: { current: input.streak.current, longest: input.streak.longest },
    offers: byId(input.offers).filter((o) => o.agentId === input.agentId && o.weekStart === input.forWeek),
  };
}
