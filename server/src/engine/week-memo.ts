import { lastWeekStarts, weekWindowOf } from '../../../shared/domain/time';
import type { IsoDate, TimeWindow } from '../../../shared/domain/primitives';

/**
 * Memoised week arithmetic. Both functions are pure, and a batch asks the same few questions (the same twelve
 * weeks in the team's zone) for hundreds of agents, each answer costing several luxon zone conversions.
 */
const MAX_ENTRIES = 10_000;
const windows = new Map<string, TimeWindow>();
const kept = new Map<string, IsoDate[]>();

function remember<V>(map: Map<string, V>, key: string, compute: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  if (map.size >= MAX_ENTRIES) map.clear();
  const value = compute();
  map.set(key, value);
  return value;
}

export function weekWindow(weekStart: IsoDate, tz: string): TimeWindow {
  return remember(windows, `${tz}|${weekStart}`, () => weekWindowOf(weekStart, tz));
}

export function keptWeekStarts(at: string, tz: string, count: number, includeCurrent = false): IsoDate[] {
  return [
    ...remember(kept, `${tz}|${at}|${count}|${includeCurrent}`, () =>
      lastWeekStarts(at, tz, count, includeCurrent),
    ),
  ];
}
