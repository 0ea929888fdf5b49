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

/**
 * The number a reader sees for a value, i.e. formatMetric's rounding as a number: whole tickets, minutes (in
 * tenths of an hour from 2 h up), tenths of a percent or QA point, whole seconds. Anything that claims a
 * difference (a personal best, "a step up") compares these, so the claim survives the display.
 */
export function shownValue(key: MetricKey, value: number): number {
  switch (key) {
    case 'solved':
    case 'ahtSeconds':
      return Math.round(value);
    case 'frtAvgMinutes':
    case 'frtMedianMinutes':
    case 'resolutionAvgMinutes':
      return value >= 120 ? Math.round(value / 6) * 6 : Math.round(value);
    case 'csatPct':
    case 'reopenRate':
    case 'qaAvg':
      return Math.round(value * 10) / 10;
  }
}

export function formatMetric(key: MetricKey, value: number): string {
  const shown = shownValue(key, value);
  switch (key) {
    case 'solved':
      return `${shown} solved`;
    case 'frtAvgMinutes':
    case 'frtMedianMinutes':
    case 'resolutionAvgMinutes':
      return value >= 120 ? `${trim(shown / 60)} h` : `${shown} min`;
    case 'csatPct':
    case 'reopenRate':
      return `${shown}%`;
    case 'qaAvg':
      return String(shown);
    case 'ahtSeconds':
      return shown >= 60 ? `${Math.floor(shown / 60)} min ${shown % 60} s` : `${shown} s`;
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
