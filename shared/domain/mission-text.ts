import type { Comparator } from './mission-model';
import type { MetricKey } from './metrics-model';

/** Words a person reads; kept apart from the mission rules so wording can change without touching them. */
const LABELS: Record<MetricKey, string> = {
  solved: 'Tickets solved',
  frtAvgMinutes: 'Average first reply',
  frtMedianMinutes: 'Median first reply',
  resolutionAvgMinutes: 'Average resolution time',
  csatPct: 'CSAT',
  qaAvg: 'QA average',
  reopenRate: 'Reopen rate',
  ahtSeconds: 'Average handle time',
};

export function metricLabel(key: MetricKey): string {
  return LABELS[key];
}

function trim(n: number, digits = 1): string {
  return String(Math.round(n * 10 ** digits) / 10 ** digits);
}

export function formatMetric(key: MetricKey, value: number): string {
  switch (key) {
    case 'solved':
      return `${trim(value, 0)} solved`;
    case 'frtAvgMinutes':
    case 'frtMedianMinutes':
    case 'resolutionAvgMinutes':
      return value >= 120 ? `${trim(value / 60)} h` : `${trim(value, 0)} min`;
    case 'csatPct':
    case 'reopenRate':
      return `${trim(value)}%`;
    case 'qaAvg':
      return trim(value);
    case 'ahtSeconds': {
      const s = Math.round(value);
      return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
    }
  }
}

/** "30 min or less", "90% or more". */
export function targetPhrase(key: MetricKey, comparator: Comparator, target: number): string {
  const shown = key === 'solved' ? trim(target, 0) : formatMetric(key, target);
  return `${shown} ${comparator === 'atLeast' ? 'or more' : 'or less'}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function timeLeftPhrase(ms: number): string {
  if (ms <= 0) return 'time is up';
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days left`;
  if (ms >= DAY) return '1 day left';
  if (ms >= 2 * HOUR) return `${Math.floor(ms / HOUR)} hours left`;
  if (ms >= HOUR) return '1 hour left';
  return 'less than an hour left';
}
