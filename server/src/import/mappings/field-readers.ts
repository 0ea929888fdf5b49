import { DateTime } from 'luxon';

/**
 * Small, strict readers for record fields. Each returns undefined for "unknown" (missing, empty, or the
 * ServiceNow-style '?') and throws a FieldError with a sentence when a value is present but unusable, so a
 * mapper can turn it into a line-numbered rejection.
 */
export class FieldError extends Error {}

const UNKNOWN = new Set(['', '?', 'null', 'NULL', 'N/A']);

/** Reads `a.b.c` from nested JSON, or a flat CSV column literally named `a.b.c`. */
export function field(fields: Record<string, unknown>, path: string): unknown {
  if (path in fields) return fields[path];
  let current: unknown = fields;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function text(fields: Record<string, unknown>, path: string): string | undefined {
  const value = field(fields, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new FieldError(`${path} should be text, got ${typeof value}`);
  const trimmed = value.trim();
  return UNKNOWN.has(trimmed) ? undefined : trimmed;
}

export function num(fields: Record<string, unknown>, path: string): number | undefined {
  const value = field(fields, path);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FieldError(`${path} is not a finite number`);
    return value;
  }
  const raw = text(fields, path);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new FieldError(`${path} should be a number, got "${raw}"`);
  return n;
}

export function bool(fields: Record<string, unknown>, path: string): boolean | undefined {
  const value = field(fields, path);
  if (typeof value === 'boolean') return value;
  const raw = text(fields, path)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (['true', 'yes', '1', 'y'].includes(raw)) return true;
  if (['false', 'no', '0', 'n'].includes(raw)) return false;
  throw new FieldError(`${path} should be true or false, got "${raw}"`);
}

export interface TimeOptions {
  /** IANA zone used for timestamps that carry no offset. */
  timezone: string;
  /** A luxon format such as "dd-MM-yyyy HH:mm"; without it ISO-8601 (and epoch seconds/milliseconds) is read. */
  format?: string | undefined;
  /**
   * Called with the raw text of each time that carried no offset, when no zone was given (it was read as UTC):
   * the import warns, because local times read as UTC are all off by the zone's offset.
   */
  onNaive?: ((raw: string) => void) | undefined;
}

/** Reads a timestamp and returns an ISO instant in UTC (e.g. 2016-02-29T01:16:00Z). */
export function instant(
  fields: Record<string, unknown>,
  path: string,
  options: TimeOptions,
): string | undefined {
  const value = field(fields, path);
  if (typeof value === 'number')
    return fromDateTime(
      DateTime.fromMillis(value < 1e11 ? value * 1000 : value, { zone: 'utc' }),
      path,
      String(value),
    );
  const raw = text(fields, path);
  if (raw === undefined) return undefined;
  return parseInstant(raw, path, options);
}

/**
 * Parses a time written as text (`label` names it in an error). Forgiving where exports are sloppy: an hour
 * without its leading zero ("9:05") is read whatever the format says (HH, dd and MM also accept one digit).
 */
export function parseInstant(raw: string, label: string, options: TimeOptions): string {
  if (options.format) {
    let parsed = DateTime.fromFormat(raw, options.format, { zone: options.timezone });
    if (!parsed.isValid) {
      const lenient = lenientFormat(options.format);
      if (lenient !== options.format) parsed = DateTime.fromFormat(raw, lenient, { zone: options.timezone });
    }
    const result = fromDateTime(parsed, label, raw, options.format);
    if (!formatHasZone(options.format)) options.onNaive?.(raw);
    return result;
  }
  const utc = utcInstant(raw);
  if (utc !== undefined) return utc;
  const iso = padHour(raw.replace(' ', 'T'));
  const result = fromDateTime(DateTime.fromISO(iso, { zone: options.timezone, setZone: true }), label, raw);
  const t = iso.indexOf('T');
  if (t === -1 || !/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(iso.slice(t))) options.onNaive?.(raw);
  return result;
}

/** A full ISO instant in UTC, "2025-01-06T08:00:00Z" or with milliseconds: what exports and APIs mostly write. */
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * The common case read without luxon (a bulk import reads a million of them; luxon's ISO parser is most of
 * the mapping's time): the same string luxon gives, or undefined for anything else — another form, or a
 * value Date accepts but rolls over (February 30, hour 24), which luxon then reads or rejects with its sentence.
 */
function utcInstant(raw: string): string | undefined {
  if (!UTC_ISO.test(raw)) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  if (iso.slice(0, 19) !== raw.slice(0, 19)) return undefined;
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** "2026-03-09T9:05" → "2026-03-09T09:05": ISO wants two digits, exports often write one. */
function padHour(iso: string): string {
  return iso.replace(/^(\d{4}-\d{2}-\d{2}T)(\d)(?=:)/, (_m, day: string, hour: string) => `${day}0${hour}`);
}

/** HH → H, hh → h, dd → d, MM → M (never MMM, a month name): luxon's one-letter tokens take one or two digits. */
function lenientFormat(format: string): string {
  return format
    .replace(/(?<!H)HH(?!H)/g, 'H')
    .replace(/(?<!h)hh(?!h)/g, 'h')
    .replace(/(?<!d)dd(?!d)/g, 'd')
    .replace(/(?<!M)MM(?!M)/g, 'M');
}

/** Whether a luxon format reads an offset or zone (Z, ZZ, ZZZ, z), quoted literals aside. */
function formatHasZone(format: string): boolean {
  return /[Zz]/.test(format.replace(/'[^']*'/g, ''));
}

function fromDateTime(dt: DateTime, path: string, raw: string, format?: string): string {
  if (!dt.isValid)
    throw new FieldError(
      `${path} "${raw}" is not a valid time${format ? ` (expected ${format})` : ' (expected ISO-8601)'}`,
    );
  return dt.toUTC().toISO({ suppressMilliseconds: true })!;
}

/** Adds minutes to an ISO instant. */
export function plusMinutes(iso: string, minutes: number): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .plus({ minutes })
    .toUTC()
    .toISO({ suppressMilliseconds: true })!;
}

/** Reads a vendor "minutes" metric that is either a number or `{ calendar, business }` (Zendesk); calendar wins. */
export function minutes(fields: Record<string, unknown>, path: string): number | undefined {
  const value = field(fields, path);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const calendar = (value as Record<string, unknown>).calendar;
    if (calendar === null || calendar === undefined) return undefined;
    if (typeof calendar !== 'number' || !Number.isFinite(calendar) || calendar < 0)
      throw new FieldError(`${path}.calendar should be minutes, got ${JSON.stringify(calendar)}`);
    return calendar;
  }
  const n = num(fields, path);
  if (n !== undefined && n < 0) throw new FieldError(`${path} should not be negative`);
  return n;
}
