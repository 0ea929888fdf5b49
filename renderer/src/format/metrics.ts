import type { MetricKey } from '../../../shared/domain/metrics-model';

/** How each metric is named and printed in the UI. */
export const METRIC_LABELS: Record<MetricKey, string> = {
  solved: 'Tickets solved',
  frtAvgMinutes: 'First reply time (avg)',
  frtMedianMinutes: 'First reply time (median)',
  resolutionAvgMinutes: 'Resolution time (avg)',
  csatPct: 'CSAT',
  qaAvg: 'QA score',
  reopenRate: 'Reopen rate',
  ahtSeconds: 'Handle time (calls)',
};

export function formatMetric(metric: MetricKey, value: number | null): string {
  if (value === null) return 'not enough data';
  switch (metric) {
    case 'solved':
      return String(Math.round(value));
    case 'frtAvgMinutes':
    case 'frtMedianMinutes':
    case 'resolutionAvgMinutes':
      return value >= 120 ? `${(value / 60).toFixed(1)} h` : `${Math.round(value)} min`;
    case 'csatPct':
      return `${Math.round(value)}%`;
    case 'reopenRate':
      // A percentage 0–100 like CSAT (shared/domain); small rates keep a decimal so 0.5% is not "1%".
      return value < 10 ? `${Math.round(value * 10) / 10}%` : `${Math.round(value)}%`;
    case 'qaAvg':
      return `${Math.round(value)}/100`;
    case 'ahtSeconds':
      return `${Math.floor(value / 60)}:${String(Math.round(value % 60)).padStart(2, '0')} min`;
  }
}
