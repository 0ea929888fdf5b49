import { DateTime, IANAZone } from 'luxon';
import type { IsoDate, IsoInstant, TimeWindow } from './primitives';

/** Thrown for a time zone name luxon does not know; the engine never silently falls back to UTC. */
export class InvalidTimeZoneError extends Error {
  constructor(readonly timezone: string) {
    super(`unknown IANA time zone: ${JSON.stringify(timezone)}`);
    this.name = 'InvalidTimeZoneError';
  }
}

export function assertTimeZone(tz: string): string {
  if (!IANAZone.isValidZone(tz)) throw new InvalidTimeZoneError(tz);
  return tz;
}

/** Parses an instant into the given zone; a malformed instant is a programming error, so it throws. */
export function zoned(at: IsoInstant, tz: string): DateTime {
  const dt = DateTime.fromISO(at, { zone: assertTimeZone(tz) });
  if (!dt.isValid) throw new Error(`invalid ISO instant: ${JSON.stringify(at)}`);
  return dt;
}

/** The local midnight that starts a calendar date in a zone (luxon moves a skipped midnight forward). */
export function startOfDate(date: IsoDate, tz: string): DateTime {
  const dt = DateTime.fromISO(date, { zone: assertTimeZone(tz) });
  if (!dt.isValid) throw new Error(`invalid ISO date: ${JSON.stringify(date)}`);
  return dt.startOf('day');
}

export function toInstant(dt: DateTime): IsoInstant {
  return dt.toUTC().toISO() as IsoInstant;
}

export function toDate(dt: DateTime): IsoDate {
  return dt.toISODate() as IsoDate;
}

export function localDateOf(at: IsoInstant, tz: string): IsoDate {
  return toDate(zoned(at, tz));
}

/** Adds whole calendar days to a date (zone-free arithmetic on the calendar). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toDate(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }));
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a calendar date. */
export function weekdayOf(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function dayWindow(date: IsoDate, tz: string): TimeWindow {
  const start = startOfDate(date, tz);
  return { from: toInstant(start), to: toInstant(start.plus({ days: 1 }).startOf('day')) };
}

export function weekStartOf(at: IsoInstant, tz: string): IsoDate {
  return toDate(zoned(at, tz).startOf('week'));
}

export function weekWindowOf(weekStart: IsoDate, tz: string): TimeWindow {
  const start = startOfDate(weekStart, tz).startOf('week');
  return { from: toInstant(start), to: toInstant(start.plus({ weeks: 1 }).startOf('day')) };
}

export function weekWindow(at: IsoInstant, tz: string): TimeWindow {
  return weekWindowOf(weekStartOf(at, tz), tz);
}

/** The Mondays of the last `count` weeks, oldest first; the week containing `at` is included only on request. */
export function lastWeekStarts(at: IsoInstant, tz: string, count: number, includeCurrent = false): IsoDate[] {
  const current = weekStartOf(at, tz);
  const out: IsoDate[] = [];
  for (let i = count - (includeCurrent ? 1 : 0); i >= (includeCurrent ? 0 : 1); i--) out.push(addDays(current, -7 * i));
  return out;
}

/** The `weeksBefore` whole weeks that end where `weekStart`'s week begins, e.g. "the last 4 weeks". */
export function weeksWindow(weekStart: IsoDate, tz: string, weeksBefore: number): TimeWindow {
  const end = startOfDate(weekStart, tz).startOf('week');
  return { from: toInstant(end.minus({ weeks: weeksBefore }).startOf('day')), to: toInstant(end) };
}

export function msOf(at: IsoInstant): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`invalid ISO instant: ${JSON.stringify(at)}`);
  return ms;
}
