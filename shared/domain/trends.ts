import type { HelpdeskEvent } from './events';
import type { AgentMetrics, MinSamples, WeeklyTrendPoint } from './metrics-model';
import type { IsoDate } from './primitives';
import { computeMetrics } from './metrics';
import { weekWindowOf } from './time';

export interface WeeklyTrendsInput {
  agentId: string;
  events: readonly HelpdeskEvent[];
  timezone: string;
  /** Local Mondays (see lastWeekStarts); the output follows the same order. */
  weekStarts: readonly IsoDate[];
  minSamples?: Partial<MinSamples>;
}

export function weeklyTrends(input: WeeklyTrendsInput): WeeklyTrendPoint[] {
  return input.weekStarts.map((weekStart) =>
    trendPointOf(
      computeMetrics({
        agentId: input.agentId,
        events: input.events,
        timezone: input.timezone,
        window: weekWindowOf(weekStart, input.timezone),
        minSamples: input.minSamples,
      }),
      weekStart,
    ),
  );
}

/**
 * A week's metrics as a trend point: "not enough data" becomes null, and so does the solved count of a week
 * without any activity (before the agent started, or a week of leave): that is a gap, not a zero to beat.
 */
export function trendPointOf(m: AgentMetrics, weekStart: IsoDate): WeeklyTrendPoint {
  const active = [m.solved, m.frtAvgMinutes, m.resolutionAvgMinutes, m.csatPct, m.qaAvg, m.ahtSeconds].some(
    (v) => v.sample > 0,
  );
  return {
    weekStart,
    solved: active ? m.solved.value : null,
    frtAvgMinutes: m.frtAvgMinutes.value,
    resolutionAvgMinutes: m.resolutionAvgMinutes.value,
    csatPct: m.csatPct.value,
    qaAvg: m.qaAvg.value,
    reopenRate: m.reopenRate.value,
    ahtSeconds: m.ahtSeconds.value,
  };
}
