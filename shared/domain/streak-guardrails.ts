import type { HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import type { MinSamples } from './metrics-model';
import type { Mission } from './mission-model';
import type { IsoDate } from './primitives';
import type { WeeklySchedule } from './streak-model';
import { computeMetrics } from './metrics';
import { guardrailStatus } from './missions';
import { dailyTallies, type DayTally } from './streaks';
import { msOf, toInstant } from './time';
import { workdayEnd, workdayOf } from './workday';

export interface GuardrailBrokenDaysInput {
  agentId: string;
  /** The agent's missions (any status); cancelled ones are ignored. */
  missions: readonly Mission[];
  /** The agent's events, as for computeMetrics, covering the missions' windows. */
  events: readonly HelpdeskEvent[];
  timezone: string;
  schedule: WeeklySchedule;
  minSamples?: Partial<MinSamples>;
}

/**
 * The workdays that fail DailyGoal.noGuardrailBroken: a day on which a rated ticket was not satisfied while a
 * mission's guardrail was broken. The guardrail is judged on the mission's window up to the end of that day,
 * so a later recovery does not rewrite the past and a later slip does not reach back. A mission judges only
 * ratings given once it existed (from its createdAt): assigning a guarded mission mid-week never turns the
 * days already behind into broken ones.
 */
export function guardrailBrokenDays(input: GuardrailBrokenDaysInput): IsoDate[] {
  const events = dedupeEvents(input.events);
  const missions = input.missions.filter((m) => m.status !== 'cancelled' && m.guardrails.length > 0);
  const days = new Set<IsoDate>();
  for (const e of events) {
    if (e.type !== 'csat_rated' || e.satisfied || e.agentId !== input.agentId) continue;
    const day = workdayOf(e.at, input.timezone, input.schedule);
    if (!day || days.has(day)) continue;
    const dayEnd = workdayEnd(day, input.timezone, input.schedule);
    for (const m of missions) {
      const judgedFrom = Math.max(msOf(m.window.start), msOf(m.createdAt));
      if (msOf(e.at) < judgedFrom || msOf(e.at) >= msOf(m.window.end)) continue;
      const upTo = dayEnd.toMillis() < msOf(m.window.end) ? toInstant(dayEnd) : m.window.end;
      const metrics = computeMetrics({
        agentId: input.agentId,
        events,
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

/**
 * The complete streak tallies of an agent: dailyTallies with the guardrail-broken days, i.e. everything
 * DailyGoal needs. `events` is the metric event set (see metricEventsFor) covering the streak horizon and the
 * guarded missions' windows; `missions` are the agent's missions of that period, any status. A day is judged
 * on its own events plus, for a guardrail, the mission's window up to that day's end: events of a later day
 * never change an earlier day, and without guarded missions no day's events change any other day.
 */
export function streakTallies(input: GuardrailBrokenDaysInput): Record<IsoDate, DayTally> {
  return dailyTallies(
    input.events,
    input.agentId,
    input.timezone,
    input.schedule,
    guardrailBrokenDays(input),
  );
}
