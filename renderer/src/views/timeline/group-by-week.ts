import type { TimelineEntry } from '../../../../shared/domain/growth-model';
import { weekStartOf } from '../../format/time';

export type WeekGroup = { weekStart: string; entries: TimelineEntry[] };

/** Timeline entries grouped by the Monday of their week (the person's zone), newest week and entry first. */
export function groupByWeek(entries: TimelineEntry[], timeZone: string): WeekGroup[] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const entry of [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) {
    const week = weekStartOf(entry.at, timeZone);
    const list = groups.get(week) ?? [];
    list.push(entry);
    groups.set(week, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([weekStart, list]) => ({ weekStart, entries: list }));
}
