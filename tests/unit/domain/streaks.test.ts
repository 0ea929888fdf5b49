import { describe, expect, it } from 'vitest';
import {
  DailyGoal,
  computeStreak,
  dailyTallies,
  dayMetAt,
  newStreakMilestones,
  streakMilestonesToRecord,
  workdayOf,
  type Absence,
  type HelpdeskEvent,
  type WeeklySchedule,
} from '../../../shared/domain';
import { rated, solved } from './fixtures';

const DAY = { start: '09:00', end: '17:00' };
const WEEKDAYS: WeeklySchedule = { '1': DAY, '2': DAY, '3': DAY, '4': DAY, '5': DAY };
const EVERY_DAY: WeeklySchedule = { ...WEEKDAYS, '6': DAY, '7': DAY };
const NIGHT = { start: '22:00', end: '06:00' };
const NIGHTS: WeeklySchedule = { '1': NIGHT, '2': NIGHT, '3': NIGHT, '4': NIGHT, '5': NIGHT };
const goal = DailyGoal.parse({});

/** A satisfied rating by ana at each instant (one ticket per instant). */
const happy = (instants: string[]): HelpdeskEvent[] =>
  instants.map((at, i) => rated(`t${i}`, 'ana', at, true));

function streak(
  tz: string,
  schedule: WeeklySchedule,
  events: HelpdeskEvent[],
  from: string,
  now: string,
  absences: Absence[] = [],
) {
  const tallies = dailyTallies(events, 'ana', tz, schedule);
  return computeStreak({ schedule, absences, timezone: tz, goal, tallies, from, now, recentDays: 31 });
}

describe('workdayOf', () => {
  it('day shifts: the local date on a scheduled day, null on a day off', () => {
    expect(workdayOf('2026-03-02T08:00:00Z', 'Europe/Warsaw', WEEKDAYS)).toBe('2026-03-02');
    expect(workdayOf('2026-03-07T12:00:00Z', 'Europe/Warsaw', WEEKDAYS)).toBeNull(); // Saturday
    // 23:30 UTC on Monday is already Tuesday in Warsaw.
    expect(workdayOf('2026-03-02T23:30:00Z', 'Europe/Warsaw', WEEKDAYS)).toBe('2026-03-03');
  });

  it('night shifts: work after midnight counts for the day the shift started', () => {
    expect(workdayOf('2026-03-03T02:00:00Z', 'Europe/Warsaw', NIGHTS)).toBe('2026-03-02'); // Tue 03:00 → Monday's shift
    expect(workdayOf('2026-03-07T04:30:00Z', 'Europe/Warsaw', NIGHTS)).toBe('2026-03-06'); // Sat 05:30 → Friday's shift
    expect(workdayOf('2026-03-07T06:00:00Z', 'Europe/Warsaw', NIGHTS)).toBeNull(); // Sat 07:00: no shift
    expect(workdayOf('2026-03-02T22:30:00Z', 'Europe/Warsaw', NIGHTS)).toBe('2026-03-02'); // Mon 23:30
  });
});

describe('computeStreak', () => {
  it('a weekend and a sick day do not break a streak', () => {
    // Mon 2 – Fri 6 March with Wednesday sick, weekend off, then Monday 9 March; ratings at 10:00 local.
    const days = ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06', '2026-03-09'];
    const s = streak(
      'Europe/Warsaw',
      WEEKDAYS,
      happy(days.map((d) => `${d}T09:00:00Z`)),
      '2026-03-02',
      '2026-03-09T17:00:00Z',
      [{ date: '2026-03-04', kind: 'sick' }],
    );
    expect(s.current).toBe(5);
    expect(s.longest).toBe(5);
    expect(s.freezesLeft).toBe(1);
    expect(s.todayMet).toBe(true);
    expect(s.recent.map((d) => d.outcome)).toEqual(['met', 'met', 'off', 'met', 'met', 'off', 'off', 'met']);
    // Dated the day the streak reached them (Thu 5th: 3 days, Mon 9th: 5), at the rating that met that day.
    expect(s.milestonesReached).toEqual([
      { milestone: 3, date: '2026-03-05', at: '2026-03-05T09:00:00Z' },
      { milestone: 5, date: '2026-03-09', at: '2026-03-09T09:00:00Z' },
    ]);
    expect(s.nextMilestone).toBe(10);
  });

  it('one freeze per 14 days covers a missed day; a second miss in that period breaks the streak', () => {
    const met = ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-11'];
    const s = streak(
      'UTC',
      WEEKDAYS,
      happy(met.map((d) => `${d}T12:00:00Z`)),
      '2026-03-02',
      '2026-03-11T20:00:00Z',
    );
    // Wed 4th missed → frozen; Tue 10th missed → freeze used 6 days ago → streak resets; Wed 11th met.
    expect(s.recent.map((d) => d.outcome)).toEqual([
      'met',
      'met',
      'frozen',
      'met',
      'met',
      'off',
      'off',
      'met',
      'missed',
      'met',
    ]);
    expect(s.current).toBe(1);
    expect(s.longest).toBe(5);
    expect(s.freezesLeft).toBe(0);
    const later = streak(
      'UTC',
      WEEKDAYS,
      happy(met.map((d) => `${d}T12:00:00Z`)),
      '2026-03-02',
      '2026-03-18T20:00:00Z',
    );
    expect(later.freezesLeft).toBe(1); // 14 days after the freeze, a new one is available
  });

  it('a day that is not over yet is pending and never breaks the streak', () => {
    const s = streak(
      'UTC',
      WEEKDAYS,
      happy(['2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z']),
      '2026-03-02',
      '2026-03-04T10:00:00Z',
    );
    expect(s.recent.at(-1)).toEqual({ date: '2026-03-04', outcome: 'pending' });
    expect(s.current).toBe(2);
    expect(s.todayMet).toBe(false);
    expect(s.freezesLeft).toBe(1);
  });

  it('keeps the longest streak recorded before', () => {
    const s = computeStreak({
      schedule: WEEKDAYS,
      absences: [],
      timezone: 'UTC',
      goal,
      tallies: {},
      from: '2026-03-02',
      now: '2026-03-03T20:00:00Z',
      previousLongest: 42,
    });
    expect(s).toMatchObject({ current: 0, longest: 42 });
  });

  it('an agent working nights across midnight: after-midnight work counts for the shift start day', () => {
    // Night shifts Mon–Fri 22:00–06:00 in Warsaw; each shift's satisfied rating arrives at 03:00 the next morning.
    const nights = [
      '2026-03-03T02:00:00Z',
      '2026-03-04T02:00:00Z',
      '2026-03-05T02:00:00Z',
      '2026-03-06T02:00:00Z',
      '2026-03-07T02:00:00Z',
    ];
    const s = streak('Europe/Warsaw', NIGHTS, happy(nights), '2026-03-02', '2026-03-07T12:00:00Z');
    expect(s.recent.map((d) => [d.date, d.outcome])).toEqual([
      ['2026-03-02', 'met'],
      ['2026-03-03', 'met'],
      ['2026-03-04', 'met'],
      ['2026-03-05', 'met'],
      ['2026-03-06', 'met'],
      ['2026-03-07', 'off'],
    ]);
    expect(s.current).toBe(5);
  });

  it("a night shift's day stays pending until the shift ends the next morning", () => {
    // Monday's shift runs until Tuesday 06:00 Warsaw (05:00Z); at 04:00 local nothing is missed yet.
    const s = streak('Europe/Warsaw', NIGHTS, [], '2026-03-02', '2026-03-03T03:00:00Z');
    expect(s.recent).toEqual([{ date: '2026-03-02', outcome: 'pending' }]);
    const after = streak('Europe/Warsaw', NIGHTS, [], '2026-03-02', '2026-03-03T05:30:00Z');
    expect(after.recent.map((d) => d.outcome)).toEqual(['missed', 'pending']);
  });

  it('across the spring DST change in America/Chicago (8 March 2026)', () => {
    // Ratings at 23:30 local on Sat 7, Sun 8 and Mon 9, and 00:30 local Tue 10 (CDT, UTC−5).
    const events = happy(['2026-03-08T05:30:00Z', '2026-03-09T04:30:00Z', '2026-03-10T04:30:00Z']);
    const tallies = dailyTallies(events, 'ana', 'America/Chicago', EVERY_DAY);
    expect(Object.keys(tallies).sort()).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    // 00:30 CDT on Tuesday; a fixed UTC−6 offset would wrongly put it on Monday 23:30.
    expect(workdayOf('2026-03-10T05:30:00Z', 'America/Chicago', EVERY_DAY)).toBe('2026-03-10');
    const s = streak('America/Chicago', EVERY_DAY, events, '2026-03-07', '2026-03-10T04:50:00Z');
    expect(s.recent.map((d) => d.outcome)).toEqual(['met', 'met', 'met']);
    expect(s.current).toBe(3);
    expect(s.todayMet).toBe(true);
  });

  it('across the autumn DST change in America/Chicago (1 November 2026): the 25-hour day is one day', () => {
    // Sun 1 Nov is 25 hours long; 23:30 CST that day is 05:30Z on the 2nd.
    const events = happy(['2026-11-01T04:30:00Z', '2026-11-02T05:30:00Z', '2026-11-03T05:30:00Z']);
    const s = streak('America/Chicago', EVERY_DAY, events, '2026-10-31', '2026-11-03T06:30:00Z');
    expect(s.recent.map((d) => [d.date, d.outcome])).toEqual([
      ['2026-10-31', 'met'],
      ['2026-11-01', 'met'],
      ['2026-11-02', 'met'],
      ['2026-11-03', 'pending'], // 00:30 CST: the new day has only begun
    ]);
    expect(s.current).toBe(3);
  });

  it('across the DST change in Europe/Warsaw (29 March 2026), night shift included', () => {
    const WEEKEND_NIGHTS: WeeklySchedule = { '5': NIGHT, '6': NIGHT, '7': NIGHT };
    // Fri night: rating Sat 03:30 CET (02:30Z). Sat night: Sun 03:30 CEST (01:30Z), right after the clocks jumped.
    // Sun night: Mon 05:45 CEST (03:45Z).
    const events = happy(['2026-03-28T02:30:00Z', '2026-03-29T01:30:00Z', '2026-03-30T03:45:00Z']);
    // 06:30 CEST on Sunday is after the shift; with the winter offset it would look like 05:30, inside it.
    expect(workdayOf('2026-03-29T04:30:00Z', 'Europe/Warsaw', WEEKEND_NIGHTS)).toBe('2026-03-29');
    expect(workdayOf('2026-03-29T03:30:00Z', 'Europe/Warsaw', WEEKEND_NIGHTS)).toBe('2026-03-28');
    const s = streak('Europe/Warsaw', WEEKEND_NIGHTS, events, '2026-03-27', '2026-03-30T12:00:00Z');
    expect(s.recent.map((d) => [d.date, d.outcome])).toEqual([
      ['2026-03-27', 'met'],
      ['2026-03-28', 'met'],
      ['2026-03-29', 'met'],
      ['2026-03-30', 'off'],
    ]);
    expect(s.current).toBe(3);
  });
});

describe('dailyTallies and the daily goal', () => {
  it('counts the latest rating per ticket and distinct solves, per workday', () => {
    const events = [
      rated('a', 'ana', '2026-03-02T10:00:00Z', true),
      rated('a', 'ana', '2026-03-02T11:00:00Z', false), // later unhappy rating cancels the satisfied one
      rated('b', 'ana', '2026-03-02T12:00:00Z', true),
      rated('b', 'ana', '2026-03-02T12:00:00Z', true), // duplicate
      rated('c', 'ben', '2026-03-02T12:00:00Z', true), // someone else's
      solved('a', 'ana', '2026-03-02T10:00:00Z'),
      solved('a', 'ana', '2026-03-02T14:00:00Z', { id: 'resolve-a' }),
    ];
    expect(dailyTallies(events, 'ana', 'UTC', WEEKDAYS, ['2026-03-03'])).toEqual({
      '2026-03-02': {
        satisfied: 1,
        solved: 1,
        guardrailBroken: false,
        satisfiedAt: ['2026-03-02T12:00:00Z'],
        solvedAt: ['2026-03-02T10:00:00Z'],
      },
      '2026-03-03': { satisfied: 0, solved: 0, guardrailBroken: true, satisfiedAt: [], solvedAt: [] },
    });
  });

  it('a later rating of the same ticket never reaches back: each day is judged on its own events', () => {
    const monday = [rated('a', 'ana', '2026-03-02T10:00:00Z', true)];
    // Tuesday the customer re-rates Monday's ticket as unhappy (and someone else rates it satisfied).
    const tuesday = [
      rated('a', 'ana', '2026-03-03T09:30:00Z', false),
      rated('a', 'ben', '2026-03-03T10:30:00Z', true),
    ];
    const before = dailyTallies(monday, 'ana', 'UTC', WEEKDAYS);
    const after = dailyTallies([...monday, ...tuesday], 'ana', 'UTC', WEEKDAYS);
    expect(after['2026-03-02']).toEqual(before['2026-03-02']);
    expect(after['2026-03-02']!.satisfied).toBe(1);
    expect(after['2026-03-03']?.satisfied ?? 0).toBe(0);
  });

  it("the team's goal decides: a broken guardrail day does not count", () => {
    const events = happy(['2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z']);
    const tallies = dailyTallies(events, 'ana', 'UTC', WEEKDAYS, ['2026-03-03']);
    const strict = computeStreak({
      schedule: WEEKDAYS,
      absences: [],
      timezone: 'UTC',
      goal,
      tallies,
      from: '2026-03-02',
      now: '2026-03-04T08:00:00Z',
    });
    expect(strict.recent.map((d) => d.outcome)).toEqual(['met', 'frozen', 'pending']);
    const lenient = DailyGoal.parse({ noGuardrailBroken: false, minSolved: 0 });
    expect(
      computeStreak({
        schedule: WEEKDAYS,
        absences: [],
        timezone: 'UTC',
        goal: lenient,
        tallies,
        from: '2026-03-02',
        now: '2026-03-04T08:00:00Z',
      }).current,
    ).toBe(2);
  });
});

describe('dated streak milestones', () => {
  it('are dated the day they were reached, in order, even when the streak is computed much later', () => {
    const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const events = days.map((d, i) => rated(`m${i}`, 'ana', `${d}T${10 + i}:15:00Z`, true));
    const s = streak('UTC', WEEKDAYS, events, '2026-03-02', '2026-03-20T12:00:00Z');
    expect(s.current).toBe(0); // the streak broke since; nothing of it is "reached" any more
    const mid = streak('UTC', WEEKDAYS, events, '2026-03-02', '2026-03-06T16:00:00Z');
    expect(mid.milestonesReached).toEqual([
      { milestone: 3, date: '2026-03-04', at: '2026-03-04T12:15:00Z' },
      { milestone: 5, date: '2026-03-06', at: '2026-03-06T14:15:00Z' },
    ]);
    // Recomputed a day later (from nothing): the same dates, not the day of the recompute.
    expect(streakMilestonesToRecord(0, mid)).toEqual(mid.milestonesReached);
    expect(streakMilestonesToRecord(3, mid)).toEqual([mid.milestonesReached[1]]);
  });

  it('a day whose goal needs a solve is met at the solve that completed it; a goal asking nothing at shift start', () => {
    const needsSolve = DailyGoal.parse({ minSatisfied: 1, minSolved: 1 });
    const events = [
      rated('x', 'ana', '2026-03-02T09:30:00Z', true),
      solved('y', 'ana', '2026-03-02T15:45:00Z'),
    ];
    const tallies = dailyTallies(events, 'ana', 'Europe/Warsaw', WEEKDAYS);
    expect(dayMetAt('2026-03-02', tallies['2026-03-02'], needsSolve, 'Europe/Warsaw', WEEKDAYS)).toBe(
      '2026-03-02T15:45:00Z',
    );
    const nothing = DailyGoal.parse({ minSatisfied: 0, minSolved: 0 });
    expect(dayMetAt('2026-03-02', undefined, nothing, 'Europe/Warsaw', WEEKDAYS)).toBe(
      '2026-03-02T08:00:00.000Z', // 09:00 in Warsaw
    );
  });
});

describe('newStreakMilestones', () => {
  it('returns milestones crossed since the last computation, starting over after a reset', () => {
    expect(newStreakMilestones(2, 3)).toEqual([3]);
    expect(newStreakMilestones(3, 3)).toEqual([]);
    expect(newStreakMilestones(4, 11)).toEqual([5, 10]);
    expect(newStreakMilestones(12, 3)).toEqual([3]);
  });
});
