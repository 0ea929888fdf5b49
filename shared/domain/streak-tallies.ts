import type { DateTime } from 'luxon';
import type { MinSamples } from './metrics-model';
import type { Mission } from './mission-model';
import type { IsoDate, IsoInstant } from './primitives';
import type { WeeklySchedule } from './streak-model';
import { dayTalliesOf, type DayTally as StreakDayTally } from './streaks';
import { guardrailStatus } from './missions';
import { metricsFromTallies, type AgentDayTally } from './metric-tallies';
import { assertTimeZone, msOf, toInstant } from './time';
import { workdayEnd, workdayOf } from './workday';

export interface StreakFromTalliesInput {
  agentId: string;
  /** The agent's missions (any status); cancelled and unguarded ones are ignored. */
  missions: readonly Mission[];
  /** The agent's metric tallies over the streak horizon and the guarded missions' windows. */
  tallies: readonly AgentDayTally[];
  timezone: string;
  schedule: WeeklySchedule;
  minSamples?: Partial<MinSamples>;
}

interface Rated {
  at: IsoInstant;
  t: number;
  key: string;
  satisfied: boolean;
}

/**
 * streakTallies (streak-guardrails.ts) read from metric tallies instead of raw events: the same per-workday
 * satisfied ratings and distinct solves (each workday judged on its own events), and the same guardrail-broken
 * days, each guardrail judged on the mission's window up to that day's end.
 */
export function streakTalliesFromTallies(input: StreakFromTalliesInput): Record<IsoDate, StreakDayTally> {
  const { agentId, schedule } = input;
  const tz = assertTimeZone(input.timezone);
  const own = input.tallies.filter((t) => t.agentId === agentId);
  const latestRating = new Map<string, { day: IsoDate; rating: Rated }>();
  const firstSolve = new Map<string, { day: IsoDate; at: IsoInstant; t: number }>();
  const unsatisfied: Rated[] = [];
  for (const tally of own) {
    for (const [ticketId, c] of Object.entries(tally.tickets)) {
      for (const r of c.ratings ?? []) {
        if (r.agentId !== agentId) continue;
        const day = workdayOf(r.at, tz, schedule);
        if (!day) continue;
        const rating = { at: r.at, t: msOf(r.at), key: r.key, satisfied: r.satisfied };
        if (!r.satisfied) unsatisfied.push(rating);
        const key = `${day}\u0000${ticketId}`;
        const seen = latestRating.get(key);
        if (!seen || rating.t > seen.rating.t || (rating.t === seen.rating.t && rating.key > seen.rating.key))
          latestRating.set(key, { day, rating });
      }
      for (const at of c.solves ?? []) {
        const day = workdayOf(at, tz, schedule);
        if (!day) continue;
        const key = `${day}\u0000${ticketId}`;
        const t = msOf(at);
        const seen = firstSolve.get(key);
        if (!seen || t < seen.t) firstSolve.set(key, { day, at, t });
      }
    }
  }
  return dayTalliesOf(
    latestRating.values(),
    firstSolve.values(),
    guardrailBrokenDaysFrom(input, unsatisfied),
  );
}

/** guardrailBrokenDays over tallies: the workdays with an unsatisfied rating while a guardrail was broken. */
function guardrailBrokenDaysFrom(input: StreakFromTalliesInput, unsatisfied: readonly Rated[]): IsoDate[] {
  const missions = input.missions.filter((m) => m.status !== 'cancelled' && m.guardrails.length > 0);
  const days = new Set<IsoDate>();
  if (missions.length === 0) return [];
  for (const r of unsatisfied) {
    const day = workdayOf(r.at, input.timezone, input.schedule);
    if (!day || days.has(day)) continue;
    // The day's end is a zone conversion: only worked out for a rating some guarded mission judges.
    let dayEnd: DateTime | undefined;
    for (const m of missions) {
      const judgedFrom = Math.max(msOf(m.window.start), msOf(m.createdAt));
      if (r.t < judgedFrom || r.t >= msOf(m.window.end)) continue;
      dayEnd ??= workdayEnd(day, input.timezone, input.schedule);
      const upTo = dayEnd.toMillis() < msOf(m.window.end) ? toInstant(dayEnd) : m.window.end;
      const metrics = metricsFromTallies({
        agentId: input.agentId,
        tallies: input.tallies,
        window: { from: m.window.start, to: upTo },
        timezone: input.timezone,
        minSamples: input.minSamples,
      });
      if (m.guardrails.some((g) => guardrailStatus(g, metrics).holds === false)) {
        days.add(day);
        break;
      }
    }
  }
  return [...days].sort();
}
