import type { MetricKey, MetricValue, MinSamples } from './metrics-model';
import { countValue, mean, median, metricValue } from './stats';

/** What a window's metrics are made of, however they were gathered (raw events or per-day tallies). */
export interface MetricSamples {
  /** Tickets solved in the window (each ticket's last solve counted once). */
  solved: number;
  frtMinutes: readonly number[];
  resolutionMinutes: readonly number[];
  /** Ratings counted (each ticket's latest in the window) and how many of them were satisfied. */
  ratings: number;
  satisfied: number;
  qaScores: readonly number[];
  reopened: number;
  ahtSeconds: readonly number[];
}

/**
 * The one rule that turns samples into metric values, each withheld below its minimum sample: computeMetrics
 * (raw events) and metricsFromTallies (tallies) both end here, so the two can never disagree on a value.
 */
export function metricValuesOf(
  s: MetricSamples,
  min: MinSamples,
): Record<MetricKey | 'reopened', MetricValue> {
  return {
    solved: countValue(s.solved),
    frtAvgMinutes: metricValue(mean(s.frtMinutes), s.frtMinutes.length, min.frt),
    frtMedianMinutes: metricValue(median(s.frtMinutes), s.frtMinutes.length, min.frt),
    resolutionAvgMinutes: metricValue(mean(s.resolutionMinutes), s.resolutionMinutes.length, min.resolution),
    csatPct: metricValue(s.ratings ? (100 * s.satisfied) / s.ratings : null, s.ratings, min.csat),
    qaAvg: metricValue(mean(s.qaScores), s.qaScores.length, min.qa),
    reopenRate: metricValue(s.solved ? (100 * s.reopened) / s.solved : null, s.solved, min.reopen),
    reopened: countValue(s.reopened),
    ahtSeconds: metricValue(mean(s.ahtSeconds), s.ahtSeconds.length, min.aht),
  };
}
