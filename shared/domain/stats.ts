import type { MetricValue } from './metrics-model';

/** Rounds to 2 decimals so that values read the same everywhere (and float noise never leaks into a result). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Sorting before summing makes a float mean independent of the order the samples were found in. */
export function mean(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
}

export function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Linear-interpolated percentile (p in [0, 1]) of the samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** A value measured over `sample` items; below `min` it is "not enough data", never a number. */
export function metricValue(value: number | null, sample: number, min: number): MetricValue {
  if (value === null || sample < min) return { value: null, sample, reason: 'not_enough_data' };
  return { value: round2(value), sample };
}

export function countValue(count: number): MetricValue {
  return { value: count, sample: count };
}
