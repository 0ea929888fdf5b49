import type { HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import type { MinSamples } from './metrics-model';
import type { Mission } from './mission-model';
import type { IsoDate } from './primitives';
import type { WeeklySchedule } from './streak-model';
import { computeMetrics } from './metrics';
import { guardrailStatus } from './missions';
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
 * so a later recovery does not rewrite the past and a later slip does not reach back.
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
      const start = msOf(m.window.start);
      if (msOf(e.at) < start || msOf(e.at) >= msOf(m.window.end)) continue;
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
