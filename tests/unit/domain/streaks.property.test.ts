import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DailyGoal, computeStreak, shiftOn } from '../../../shared/domain';
import { arbSchedule } from './arbitraries';

describe('streak invariants', () => {
  const dates = Array.from({ length: 42 }, (_, i) =>
    new Date(Date.parse('2026-03-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
  );
  const tally = fc.record({
    satisfied: fc.integer({ min: 0, max: 2 }),
    solved: fc.integer({ min: 0, max: 2 }),
    guardrailBroken: fc.boolean(),
  });

  it('is never broken by an unscheduled day, whatever happened on it', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.array(tally, { minLength: 42, maxLength: 42 }),
        fc.array(tally, { minLength: 42, maxLength: 42 }),
        fc.constantFrom('America/Chicago', 'Europe/Warsaw', 'Asia/Kolkata'),
        (schedule, a, noise, tz) => {
          const base = Object.fromEntries(dates.map((d, i) => [d, a[i]!]));
          // Same scheduled days, different (random) activity on every unscheduled day.
          const noisy = Object.fromEntries(
            dates.map((d, i) => [d, shiftOn(d, schedule) ? a[i]! : noise[i]!]),
          );
          const args = {
            schedule,
            absences: [],
            timezone: tz,
            goal: DailyGoal.parse({}),
            from: dates[0]!,
            now: '2026-04-10T12:00:00Z',
            recentDays: 60,
          };
          const s = computeStreak({ ...args, tallies: base });
          expect(computeStreak({ ...args, tallies: noisy })).toEqual(s);
          // Walking the days: an 'off' day never resets the running count.
          let run = 0;
          for (const d of s.recent) {
            if (d.outcome === 'met') run++;
            if (d.outcome === 'missed') run = 0;
            if (d.outcome === 'off') expect(shiftOn(d.date, schedule)).toBeUndefined();
          }
          expect(s.current).toBe(run);
        },
      ),
      { numRuns: 150 },
    );
  });
});
