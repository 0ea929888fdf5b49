import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { FieldError, parseInstant } from '../../../server/src/import/mappings/field-readers';
import { SeenIds } from '../../../server/src/import/import-warnings';

/** What the readers gave before the UTC shortcut: luxon's reading of the ISO text, or its refusal. */
function luxonReading(raw: string): string | 'invalid' {
  const dt = DateTime.fromISO(raw, { zone: 'UTC', setZone: true });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true })! : 'invalid';
}

function ourReading(raw: string): string | 'invalid' {
  try {
    return parseInstant(raw, 'at', { timezone: 'UTC' });
  } catch (err) {
    if (err instanceof FieldError) return 'invalid';
    throw err;
  }
}

describe('the UTC instant shortcut of parseInstant', () => {
  it('reads every full UTC ISO instant exactly as luxon does, with or without milliseconds', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('ms', 'none', 'tenths'),
        (date, precision) => {
          const iso = date.toISOString();
          const raw =
            precision === 'none'
              ? iso.replace(/\.\d{3}Z$/, 'Z')
              : precision === 'tenths'
                ? iso.replace(/\d{2}Z$/, 'Z')
                : iso;
          expect(ourReading(raw)).toBe(luxonReading(raw));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves the values Date would roll over to luxon, which reads or refuses them as it always did', () => {
    for (const raw of [
      '2025-02-30T08:00:00Z',
      '2025-02-29T08:00:00Z',
      '2025-01-06T24:00:00Z',
      '2025-13-06T08:00:00Z',
      '2025-01-06T08:60:00Z',
      '2025-01-06T08:00:60Z',
    ]) {
      expect(ourReading(raw)).toBe(luxonReading(raw));
    }
    expect(ourReading('2025-02-30T08:00:00Z')).toBe('invalid');
    expect(ourReading('2024-02-29T23:59:59Z')).toBe('2024-02-29T23:59:59Z');
  });

  it('still says a time without an offset was read as UTC, and reads offsets and sloppy hours as before', () => {
    const naive: string[] = [];
    const options = { timezone: 'UTC', onNaive: (raw: string) => naive.push(raw) };
    expect(parseInstant('2025-01-06T08:00:00Z', 'at', options)).toBe('2025-01-06T08:00:00Z');
    expect(parseInstant('2025-01-06T10:00:00+02:00', 'at', options)).toBe('2025-01-06T08:00:00Z');
    expect(parseInstant('2025-01-06 9:05', 'at', options)).toBe('2025-01-06T09:05:00Z');
    expect(naive).toEqual(['2025-01-06 9:05']);
  });
});

describe('SeenIds', () => {
  it('finds every repeat, across any number of ids', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 50_000 }, (_, i) => `T${i}/${'carsq'[i % 5]}`);
    for (const id of ids) seen.add(id);
    for (const id of ids) expect(seen.add(id)).toBe(true);
  });

  it('takes new ids for repeats rarely: none of 200,000 similar ids after 200,000 others', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 200_000; i++) seen.add(`ticket-${i}`);
    let falseRepeats = 0;
    for (let i = 200_000; i < 400_000; i++) if (seen.add(`ticket-${i}`)) falseRepeats++;
    expect(falseRepeats).toBe(0);
  });
});
