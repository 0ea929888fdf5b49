import type { PersonalBest } from './growth-model';
import { HIGHER_IS_BETTER, type WeeklyTrendPoint } from './metrics-model';
import type { IsoDate } from './primitives';
import { formatMetric, shownValue } from './mission-text';

/** The trend metrics a personal best can be set on. */
export const BEST_METRICS = [
  'solved',
  'frtAvgMinutes',
  'resolutionAvgMinutes',
  'csatPct',
  'qaAvg',
  'reopenRate',
  'ahtSeconds',
] as const;
type BestMetric = (typeof BEST_METRICS)[number];

/**
 * Every personal best in order of the weeks: a week beats all earlier weeks with data on that metric, as
 * shown (see better). Weeks with "not enough data" (null) are ignored, and a first week of data is a
 * baseline, not a best.
 */
function allBests(trends: readonly WeeklyTrendPoint[]): PersonalBest[] {
  const weeks = [...trends].sort((a, b) =>
    a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0,
  );
  const out: PersonalBest[] = [];
  for (const metric of BEST_METRICS) {
    let best: number | null = null;
    for (const w of weeks) {
      const v = w[metric as BestMetric];
      if (v === null) continue;
      if (best !== null && better(metric, v, best))
        out.push({ metric, value: v, weekStart: w.weekStart, previous: best });
      if (best === null || better(metric, v, best)) best = v;
    }
  }
  return out;
}

/**
 * A week beats the best only when it still does in the precision it is shown in (shownValue): "86, before 86"
 * is never claimed. The best stays the last claimed one, so "before" is always a number the agent saw.
 */
function better(metric: BestMetric, a: number, b: number): boolean {
  const [x, y] = [shownValue(metric, a), shownValue(metric, b)];
  return HIGHER_IS_BETTER[metric] ? x > y : x < y;
}

/** "86.4, before 86": a personal best in the words it is claimed in (the same precision as formatMetric). */
export function personalBestPhrase(best: PersonalBest): string {
  const now = formatMetric(best.metric, best.value);
  return best.previous === null ? now : `${now}, before ${formatMetric(best.metric, best.previous)}`;
}

/** The current personal best per metric (only metrics where a best has been set). */
export function personalBests(trends: readonly WeeklyTrendPoint[]): PersonalBest[] {
  const latest = new Map<string, PersonalBest>();
  for (const b of allBests(trends)) latest.set(b.metric, b);
  return BEST_METRICS.flatMap((m) => latest.get(m) ?? []);
}

/** Bests set in the given week: the ones to celebrate when that week closes. */
export function newPersonalBests(trends: readonly WeeklyTrendPoint[], weekStart: IsoDate): PersonalBest[] {
  return allBests(trends).filter((b) => b.weekStart === weekStart);
}
