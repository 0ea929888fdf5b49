import type { DateTime } from 'luxon';
import type { IsoDate, IsoInstant } from './primitives';
import type { Shift, WeeklySchedule } from './streak-model';
import { addDays, localWallOf, startOfDate, weekdayOf } from './time';

export function shiftOn(date: IsoDate, schedule: WeeklySchedule): Shift | undefined {
  return schedule[String(weekdayOf(date)) as keyof WeeklySchedule];
}

export function isNightShift(shift: Shift): boolean {
  return shift.end <= shift.start;
}

function minutesOf(wall: string): number {
  const [h, m] = wall.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The scheduled day an instant's work counts for, by wall-clock time in the agent's zone. Hours before the
 * end of last night's shift belong to the day that shift started on; anything else on a scheduled day belongs
 * to that day (overtime included); work on an unscheduled day belongs to no day and so can break nothing.
 */
export function workdayOf(at: IsoInstant, tz: string, schedule: WeeklySchedule): IsoDate | null {
  const { date: today, minutes } = localWallOf(at, tz);
  const yesterday = addDays(today, -1);
  const overnight = shiftOn(yesterday, schedule);
  if (overnight && isNightShift(overnight) && minutes < minutesOf(overnight.end)) return yesterday;
  return shiftOn(today, schedule) ? today : null;
}

/**
 * When a scheduled day is over: local midnight after it, or for a night shift the end of the shift the next
 * morning. Built from wall-clock times in the zone, so a 23- or 25-hour DST day needs no special case.
 */
export function workdayEnd(date: IsoDate, tz: string, schedule: WeeklySchedule): DateTime {
  const next = startOfDate(addDays(date, 1), tz);
  const shift = shiftOn(date, schedule);
  if (!shift || !isNightShift(shift)) return next;
  const end = minutesOf(shift.end);
  return next.set({ hour: Math.floor(end / 60), minute: end % 60 });
}
