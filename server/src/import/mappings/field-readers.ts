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
  const parsed = options.format
    ? DateTime.fromFormat(raw, options.format, { zone: options.timezone })
    : DateTime.fromISO(raw.replace(' ', 'T'), { zone: options.timezone, setZone: true });
  return fromDateTime(parsed, path, raw, options.format);
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
