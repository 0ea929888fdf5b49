import type { IsoDate, IsoInstant } from './primitives';
import type { Absence, WeeklySchedule } from './streak-model';
import { addDays, startOfDate, toInstant } from './time';
import { shiftOn } from './workday';

/**
 * The weekly recap's rules (issue 18, item 2). Not yet delivered by the server: these are the pure parts the
 * scheduler job and the recap view will call.
 */

/**
 * When a week's recap is due: the start of the agent's first scheduled shift of that week that is not an absence,
 * in their own time zone; null when they have no shift that week (nothing is sent to someone on leave).
 */
export function recapDueAt(
  weekStart: IsoDate,
  timezone: string,
  schedule: WeeklySchedule,
  absences: readonly Absence[],
): IsoInstant | null {
  const away = new Set(absences.map((a) => a.date));
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i);
    const shift = shiftOn(date, schedule);
    if (!shift || away.has(date)) continue;
    const [h, m] = shift.start.split(':').map(Number);
    return toInstant(startOfDate(date, timezone).set({ hour: h ?? 0, minute: m ?? 0 }));
  }
  return null;
}

export type RecapChange = 'above_usual' | 'usual' | 'below_usual' | 'first_weeks';

/** How many earlier weeks of the agent's own make "usual"; fewer than RECAP_MIN_HISTORY says nothing. */
export const RECAP_HISTORY_WEEKS = 4;
export const RECAP_MIN_HISTORY = 2;

/**
 * One number of the week against the agent's own past only: the median of their previous weeks (at most
 * RECAP_HISTORY_WEEKS, the most recent). Within 10 % of it is "usual". Never compared with anyone else.
 */
export function againstOwnPast(
  thisWeek: number,
  pastWeeks: readonly { weekStart: IsoDate; value: number }[],
): { value: number; usual: number | null; change: RecapChange } {
  const byWeek = new Map<IsoDate, number>();
  for (const p of pastWeeks) byWeek.set(p.weekStart, Math.max(byWeek.get(p.weekStart) ?? -Infinity, p.value));
  const recent = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, RECAP_HISTORY_WEEKS)
    .map(([, v]) => v)
    .sort((a, b) => a - b);
  if (recent.length < RECAP_MIN_HISTORY) return { value: thisWeek, usual: null, change: 'first_weeks' };
  const mid = recent.length >> 1;
  const usual = recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
  const band = Math.max(1, usual * 0.1);
  const change: RecapChange =
    thisWeek > usual + band ? 'above_usual' : thisWeek < usual - band ? 'below_usual' : 'usual';
  return { value: thisWeek, usual, change };
}
