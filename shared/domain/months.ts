import type { IsoInstant, TimeWindow } from './primitives';
import type { IsoMonth } from './recognition-model';
import { assertTimeZone, toInstant, zoned } from './time';
import { DateTime } from 'luxon';

/** The calendar month (YYYY-MM) an instant falls in, in a zone. */
export function monthOf(at: IsoInstant, tz: string): IsoMonth {
  return zoned(at, tz).toFormat('yyyy-MM');
}

function startOfMonth(month: IsoMonth, tz: string): DateTime {
  const dt = DateTime.fromISO(`${month}-01`, { zone: assertTimeZone(tz) });
  if (!dt.isValid) throw new Error(`invalid month: ${JSON.stringify(month)}`);
  return dt.startOf('month');
}

/** A month as a half-open window [first local midnight, next month's first local midnight). */
export function monthWindow(month: IsoMonth, tz: string): TimeWindow {
  const start = startOfMonth(month, tz);
  return { from: toInstant(start), to: toInstant(start.plus({ months: 1 }).startOf('month')) };
}

/** The `months` whole calendar months that end where `month` begins: someone's own baseline. */
export function monthsBefore(month: IsoMonth, tz: string, months: number): TimeWindow {
  const end = startOfMonth(month, tz);
  return { from: toInstant(end.minus({ months }).startOf('month')), to: toInstant(end) };
}
