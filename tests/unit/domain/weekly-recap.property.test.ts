import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECAP_HISTORY_WEEKS,
  RECAP_MIN_HISTORY,
  addDays,
  againstOwnPast,
  localDateOf,
  recapDueAt,
  shiftOn,
  weekWindowOf,
  type Absence,
} from '../../../shared/domain';
import { arbSchedule } from './arbitraries';

const ZONES = ['Europe/Warsaw', 'America/Chicago', 'Asia/Kolkata', 'Pacific/Auckland'];
// Mondays around both DST changes of 2026.
const MONDAYS = ['2026-03-23', '2026-03-30', '2026-10-19', '2026-10-26', '2026-11-02'] as const;

describe('recapDueAt', () => {
  it('is the start of the first scheduled, non-absent shift of the week, in the agent’s zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MONDAYS),
        fc.constantFrom(...ZONES),
        arbSchedule,
        fc.subarray([0, 1, 2, 3, 4, 5, 6]),
        (monday, tz, schedule, awayDays) => {
          const absences: Absence[] = awayDays.map((d) => ({ date: addDays(monday, d), kind: 'leave' }));
          const due = recapDueAt(monday, tz, schedule, absences);
          const working = [0, 1, 2, 3, 4, 5, 6]
            .map((d) => addDays(monday, d))
            .filter((date) => shiftOn(date, schedule) && !absences.some((a) => a.date === date));
          if (working.length === 0) {
            expect(due).toBeNull();
            return;
          }
          expect(due).not.toBeNull();
          const date = localDateOf(due!, tz);
          expect(date).toBe(working[0]);
          const week = weekWindowOf(monday, tz);
          expect(Date.parse(due!)).toBeGreaterThanOrEqual(Date.parse(week.from));
          expect(Date.parse(due!)).toBeLessThan(Date.parse(week.to));
          // The same whatever order the absences are listed in.
          expect(recapDueAt(monday, tz, schedule, [...absences].reverse())).toBe(due);
        },
      ),
    );
  });

  it('says 09:00 Warsaw time for a Mon–Fri 09–17 agent', () => {
    const schedule = { '1': { start: '09:00', end: '17:00' } } as const;
    expect(recapDueAt('2026-03-30', 'Europe/Warsaw', schedule, [])).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('againstOwnPast', () => {
  const arbPast = fc.uniqueArray(
    fc.record({ weekStart: fc.constantFrom(...MONDAYS, '2026-02-02', '2026-02-09'), value: fc.nat(200) }),
    { selector: (p) => p.weekStart, maxLength: 7 },
  );

  it('depends only on the agent’s own weeks, in any order, and says nothing with too little history', () => {
    fc.assert(
      fc.property(fc.nat(200), arbPast, (thisWeek, past) => {
        const result = againstOwnPast(thisWeek, past);
        expect(againstOwnPast(thisWeek, [...past].reverse())).toEqual(result);
        expect(againstOwnPast(thisWeek, [...past, ...past])).toEqual(result);
        if (past.length < RECAP_MIN_HISTORY)
          expect(result).toMatchObject({ usual: null, change: 'first_weeks' });
        else {
          const values = past.map((p) => p.value);
          expect(result.usual).toBeGreaterThanOrEqual(Math.min(...values));
          expect(result.usual).toBeLessThanOrEqual(Math.max(...values));
        }
      }),
    );
  });

  it('uses the most recent weeks only, and within 10 % of usual is usual', () => {
    const past = [
      { weekStart: '2026-01-05', value: 500 },
      { weekStart: '2026-03-02', value: 40 },
      { weekStart: '2026-03-09', value: 42 },
      { weekStart: '2026-03-16', value: 38 },
      { weekStart: '2026-03-23', value: 40 },
    ] as const;
    expect(past.length).toBe(RECAP_HISTORY_WEEKS + 1);
    expect(againstOwnPast(43, past)).toEqual({ value: 43, usual: 40, change: 'usual' });
    expect(againstOwnPast(50, past).change).toBe('above_usual');
    expect(againstOwnPast(30, past).change).toBe('below_usual');
  });
});
