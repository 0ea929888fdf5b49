import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localWallOf, toDate, zoned } from '../../../shared/domain';

const ZONES = [
  'UTC',
  'Europe/Warsaw',
  'America/Chicago',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'America/Santiago',
  'Pacific/Apia',
  'Asia/Kolkata',
];

const HOUR = 3_600_000;

const luxonWall = (at: string, tz: string) => {
  const local = zoned(at, tz);
  return { date: toDate(local), minutes: local.hour * 60 + local.minute };
};

describe('localWallOf', () => {
  it('is the wall-clock date and minute luxon gives, anywhere from 2000 to 2099', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2099-12-31T23:59:59Z') }),
        fc.constantFrom(...ZONES),
        (ms, tz) => {
          const at = new Date(ms).toISOString();
          expect(localWallOf(at, tz)).toEqual(luxonWall(at, tz));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is exact minute by minute around every offset change (DST, half-hour and 45-minute zones)', () => {
    let changes = 0;
    for (const tz of ZONES) {
      for (const year of [2001, 2026, 2031]) {
        // Find each offset change of the year (a day at a time, then the hour), then check every minute of
        // the hour either side of it.
        const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).offset;
        const yearEnd = Date.parse(`${year + 1}-01-01T00:00:00Z`);
        for (let d = Date.parse(`${year}-01-01T00:00:00Z`); d < yearEnd; d += 24 * HOUR) {
          if (offsetAt(d) === offsetAt(d + 24 * HOUR)) continue;
          for (let h = d; h < d + 24 * HOUR; h += HOUR) {
            if (offsetAt(h) === offsetAt(h + HOUR)) continue;
            changes++;
            for (let ms = h - HOUR; ms <= h + 2 * HOUR; ms += 60_000) {
              const at = new Date(ms).toISOString();
              expect({ at, tz, wall: localWallOf(at, tz) }).toEqual({ at, tz, wall: luxonWall(at, tz) });
            }
          }
        }
      }
    }
    expect(changes).toBeGreaterThanOrEqual(30);
  }, 60_000);

  it('reads instants written with an offset as the same moment', () => {
    expect(localWallOf('2026-03-29T03:30:00+02:00', 'Europe/Warsaw')).toEqual({
      date: '2026-03-29',
      minutes: 210,
    });
    expect(localWallOf('2026-03-29T00:59:00Z', 'Europe/Warsaw')).toEqual({
      date: '2026-03-29',
      minutes: 119,
    });
    expect(localWallOf('2026-03-29T01:00:00Z', 'Europe/Warsaw')).toEqual({
      date: '2026-03-29',
      minutes: 180,
    });
  });
});
