/** Time wording for people. Pure functions: `now` comes in as an argument so they test without a clock. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days left", "5 h left", "40 min left", "ends now". */
export function timeLeft(ms: number): string {
  if (ms <= 0) return 'ended';
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days left`;
  if (ms >= DAY) return '1 day left';
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} h left`;
  if (ms >= MINUTE) return `${Math.floor(ms / MINUTE)} min left`;
  return 'less than a minute left';
}

/** "just now", "4 min ago", "2 h ago", "3 days ago". */
export function ago(iso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(iso));
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The Monday (YYYY-MM-DD) of the week an instant falls in, in the person's own time zone. The same answer as
 * shared/domain's weekStartOf, but on Intl: calling that one would put luxon into the popover's initial bundle.
 */
export function weekStartOf(iso: string, timeZone: string): string {
  const day = new Date(`${localDate(iso, timeZone)}T00:00:00Z`);
  const isoWeekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  day.setUTCDate(day.getUTCDate() - (isoWeekday - 1));
  return day.toISOString().slice(0, 10);
}

/** "Mon 9 Mar" for a YYYY-MM-DD date. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "9 Mar, 14:05" for an instant, in the given zone. */
export function dateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}
