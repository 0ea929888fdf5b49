import { DateTime, IANAZone } from 'luxon';
import type { IsoDate, IsoInstant, TimeWindow } from './primitives';

/** Thrown for a time zone name luxon does not know; the engine never silently falls back to UTC. */
export class InvalidTimeZoneError extends Error {
  constructor(readonly timezone: string) {
    super(`unknown IANA time zone: ${JSON.stringify(timezone)}`);
    this.name = 'InvalidTimeZoneError';
  }
}

/**
 * Zones already validated. IANAZone.isValidZone builds an Intl.DateTimeFormat on every call, which made it most
 * of the server's ingest time (profiled by the server engineer); the answer for a name never changes.
 */
const validZones = new Set<string>();

export function assertTimeZone(tz: string): string {
  if (validZones.has(tz)) return tz;
  if (!IANAZone.isValidZone(tz)) throw new InvalidTimeZoneError(tz);
  validZones.add(tz);
  return tz;
}

/**
 * Memoised answers of pure calendar functions (a luxon DateTime is immutable, so one can be shared): a streak
 * walk asks for the same midnights and day numbers for every agent of a batch, each answer costing a zone
 * conversion or a date parse. Bounded: cleared when full.
 */
const MAX_MEMO = 50_000;
const midnights = new Map<string, DateTime>();
const dayNumbers = new Map<string, number>();
const datesOfNumber = new Map<number, IsoDate>();

/** Parses an instant into the given zone; a malformed instant is a programming error, so it throws. */
export function zoned(at: IsoInstant, tz: string): DateTime {
  const dt = DateTime.fromISO(at, { zone: assertTimeZone(tz) });
  if (!dt.isValid) throw new Error(`invalid ISO instant: ${JSON.stringify(at)}`);
  return dt;
}

/** The local midnight that starts a calendar date in a zone (luxon moves a skipped midnight forward). */
export function startOfDate(date: IsoDate, tz: string): DateTime {
  const key = `${tz}|${date}`;
  const hit = midnights.get(key);
  if (hit) return hit;
  const dt = DateTime.fromISO(date, { zone: assertTimeZone(tz) });
  if (!dt.isValid) throw new Error(`invalid ISO date: ${JSON.stringify(date)}`);
  if (midnights.size >= MAX_MEMO) midnights.clear();
  const start = dt.startOf('day');
  midnights.set(key, start);
  return start;
}

export function toInstant(dt: DateTime): IsoInstant {
  return dt.toUTC().toISO() as IsoInstant;
}

export function toDate(dt: DateTime): IsoDate {
  return dt.toISODate() as IsoDate;
}

export function localDateOf(at: IsoInstant, tz: string): IsoDate {
  return localWallOf(at, tz).date;
}

/** The wall-clock date and minute of the day of an instant in a zone. */
export interface LocalWall {
  date: IsoDate;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const QUARTER_HOUR = 15 * 60_000;
const MAX_OFFSETS = 200_000;
/** Zone | quarter-hour of UTC → the zone's UTC offset in minutes there, or null where it changes inside it. */
const offsets = new Map<string, number | null>();

function offsetOver(tz: string, quarter: number): number | null {
  const key = `${tz}|${quarter}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const start = quarter * QUARTER_HOUR;
  const a = DateTime.fromMillis(start, { zone: tz }).offset;
  const b = DateTime.fromMillis(start + QUARTER_HOUR - 1, { zone: tz }).offset;
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  const value = a === b ? a : null;
  offsets.set(key, value);
  return value;
}

/**
 * localDateOf and the local minute of the day without a luxon conversion per instant: a zone's offset is read
 * once per quarter-hour of UTC (every offset change of the tz database since 1970 falls on a quarter-hour, and
 * a quarter-hour whose ends disagree is converted by luxon, so the answer is luxon's either way). Engine walks
 * over months of events spent most of their time converting instants one by one.
 */
export function localWallOf(at: IsoInstant, tz: string): LocalWall {
  const ms = msOf(at);
  const offset = offsetOver(assertTimeZone(tz), Math.floor(ms / QUARTER_HOUR));
  if (offset === null) {
    const local = zoned(at, tz);
    return { date: toDate(local), minutes: local.hour * 60 + local.minute };
  }
  const wall = new Date(ms + offset * 60_000);
  return {
    date: wall.toISOString().slice(0, 10) as IsoDate,
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** Calendar arithmetic on YYYY-MM-DD needs no zone; plain UTC day numbers keep it fast in long walks. */
function dayNumber(date: IsoDate): number {
  const hit = dayNumbers.get(date);
  if (hit !== undefined) return hit;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`invalid ISO date: ${JSON.stringify(date)}`);
  if (dayNumbers.size >= MAX_MEMO) dayNumbers.clear();
  dayNumbers.set(date, ms / 86_400_000);
  return ms / 86_400_000;
}

function dateOfNumber(n: number): IsoDate {
  const hit = datesOfNumber.get(n);
  if (hit !== undefined) return hit;
  const date = new Date(n * 86_400_000).toISOString().slice(0, 10) as IsoDate;
  if (datesOfNumber.size >= MAX_MEMO) datesOfNumber.clear();
  datesOfNumber.set(n, date);
  return date;
}

/** Adds whole calendar days to a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfNumber(dayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a calendar date. */
export function weekdayOf(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // Day 0 of the epoch (1970-01-01) was a Thursday (ISO 4).
  return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
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
  for (let i = count - (includeCurrent ? 1 : 0); i >= (includeCurrent ? 0 : 1); i--)
    out.push(addDays(current, -7 * i));
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
