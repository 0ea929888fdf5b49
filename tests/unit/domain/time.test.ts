import { describe, expect, it } from 'vitest';
import {
  InvalidTimeZoneError,
  dayWindow,
  lastWeekStarts,
  localDateOf,
  weekStartOf,
  weekWindow,
  weeksWindow,
} from '../../../shared/domain';

describe('time windows in the agent zone', () => {
  it('an ISO week runs Monday 00:00 local to the next Monday', () => {
    // Sunday evening in Warsaw is still the week that began Monday 2 March.
    expect(weekWindow('2026-03-08T20:00:00Z', 'Europe/Warsaw')).toEqual({
      from: '2026-03-01T23:00:00.000Z',
      to: '2026-03-08T23:00:00.000Z',
    });
    expect(weekStartOf('2026-03-08T23:30:00Z', 'Europe/Warsaw')).toBe('2026-03-09');
  });

  it('a week holding a DST change is 167 hours long', () => {
    const w = weekWindow('2026-03-25T12:00:00Z', 'Europe/Warsaw');
    expect(w).toEqual({ from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    expect((Date.parse(w.to) - Date.parse(w.from)) / 3_600_000).toBe(167);
  });

  it('a day window follows local midnight, 23 hours on the spring-forward day', () => {
    const d = dayWindow('2026-03-08', 'America/Chicago');
    expect(d).toEqual({ from: '2026-03-08T06:00:00.000Z', to: '2026-03-09T05:00:00.000Z' });
  });

  it('local dates and recent weeks', () => {
    expect(localDateOf('2026-03-09T03:00:00Z', 'America/Chicago')).toBe('2026-03-08');
    expect(lastWeekStarts('2026-03-11T12:00:00Z', 'UTC', 4)).toEqual([
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
    ]);
    expect(lastWeekStarts('2026-03-11T12:00:00Z', 'UTC', 2, true)).toEqual(['2026-03-02', '2026-03-09']);
    expect(weeksWindow('2026-03-09', 'UTC', 4)).toEqual({
      from: '2026-02-09T00:00:00.000Z',
      to: '2026-03-09T00:00:00.000Z',
    });
  });

  it('rejects an unknown zone with a clear error', () => {
    expect(() => weekWindow('2026-03-08T20:00:00Z', 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
  });
});
