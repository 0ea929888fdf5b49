import type { WeeklyTrendPoint } from '../../../../shared/domain/metrics-model';

export type TrendMetric = Exclude<keyof WeeklyTrendPoint, 'weekStart'>;
export const TREND_METRICS: TrendMetric[] = [
  'solved',
  'csatPct',
  'frtAvgMinutes',
  'resolutionAvgMinutes',
  'qaAvg',
  'reopenRate',
  'ahtSeconds',
];

/** Metrics with at least one real number in the weeks shown; the others would be an empty chart. */
export const metricsWithData = (trends: WeeklyTrendPoint[]) =>
  TREND_METRICS.filter((m) => trends.some((p) => p[m] !== null));

/**
 * The weeks a metric's chart spans: from its first week with a number to its last, so five weeks of data
 * fill the chart instead of sitting at the end of twelve mostly empty ones. Gaps inside stay (as gaps).
 */
export function weeksWithData(trends: WeeklyTrendPoint[], metric: TrendMetric): WeeklyTrendPoint[] {
  const sorted = [...trends].sort((a, b) =>
    a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0,
  );
  const first = sorted.findIndex((p) => p[metric] !== null);
  if (first < 0) return [];
  const last = sorted.length - 1 - [...sorted].reverse().findIndex((p) => p[metric] !== null);
  return sorted.slice(first, last + 1);
}
