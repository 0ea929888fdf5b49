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
