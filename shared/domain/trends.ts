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

/** A week's metrics as a trend point: "not enough data" becomes null. */
export function trendPointOf(m: AgentMetrics, weekStart: IsoDate): WeeklyTrendPoint {
  return {
    weekStart,
    solved: m.solved.value,
    frtAvgMinutes: m.frtAvgMinutes.value,
    resolutionAvgMinutes: m.resolutionAvgMinutes.value,
    csatPct: m.csatPct.value,
    qaAvg: m.qaAvg.value,
    reopenRate: m.reopenRate.value,
    ahtSeconds: m.ahtSeconds.value,
  };
}
