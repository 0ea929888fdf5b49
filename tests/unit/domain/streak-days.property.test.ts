import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DailyGoal,
  computeStreak,
  daysBetween,
  isDayMet,
  msOf,
  shiftOn,
  startOfDate,
  streakTallies,
  toInstant,
  workdayEnd,
  workdayOf,
  type HelpdeskEvent,
  type Mission,
  type WeeklySchedule,
} from '../../../shared/domain';
import { arbSchedule } from './arbitraries';
import { mission, rated, solved } from './fixtures';

const DATES = Array.from({ length: 21 }, (_, i) =>
  new Date(Date.parse('2026-03-02T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
);
const FROM = DATES[0]!;
const NOW = '2026-03-24T12:00:00Z'; // after every day in DATES is over, in every zone below
const GOALS = [
  DailyGoal.parse({}),
  DailyGoal.parse({ minSatisfied: 2 }),
  DailyGoal.parse({ minSatisfied: 0, minSolved: 1 }),
];

const arbTz = fc.constantFrom('UTC', 'Europe/Warsaw', 'America/Chicago', 'Asia/Kolkata');
/** One rating or solve: a ticket from a small pool (so tickets recur across days), by ana or a teammate. */
const arbActivity = fc.record({
  ticket: fc.integer({ min: 0, max: 5 }),
  agent: fc.constantFrom('ana', 'ana', 'ben'),
  kind: fc.constantFrom('happy', 'unhappy', 'solved'),
});
const eventOf = (
  a: { ticket: number; agent: string; kind: string },
  at: string,
  tag: string,
): HelpdeskEvent =>
  a.kind === 'solved'
    ? solved(`t${a.ticket}`, a.agent, at, { id: `${tag}-s` })
    : rated(`t${a.ticket}`, a.agent, at, a.kind === 'happy', {}, { id: `${tag}-r` });

/** Activity anywhere in the three weeks, at any minute. */
const arbEvents = fc
  .array(fc.tuple(arbActivity, fc.integer({ min: 0, max: 21 * 24 * 60 - 1 })), { maxLength: 40 })
  .map((list) =>
    list.map(([a, minute], i) =>
      eventOf(a, new Date(Date.parse('2026-03-02T00:00:00Z') + minute * 60_000).toISOString(), `base${i}`),
    ),
  );

/** Activity inside one scheduled workday D: during its shift (night shifts run past midnight). */
function eventsOfDay(
  day: string,
  tz: string,
  schedule: WeeklySchedule,
  list: Array<[{ ticket: number; agent: string; kind: string }, number]>,
): HelpdeskEvent[] {
  const shift = shiftOn(day, schedule)!;
  const [h, m] = shift.start.split(':').map(Number);
  const start = startOfDate(day, tz).set({ hour: h!, minute: m! });
  return list
    .map(([a, minute], i) => eventOf(a, toInstant(start.plus({ minutes: minute % (8 * 60) })), `day${i}`))
    .filter((e) => workdayOf(e.at, tz, schedule) === day);
}

const arbMissions: fc.Arbitrary<Mission[]> = fc.array(
  fc
    .record({
      startDay: fc.integer({ min: 0, max: 14 }),
      days: fc.integer({ min: 1, max: 10 }),
      threshold: fc.integer({ min: 40, max: 95 }),
    })
    .map((r) =>
      mission({
        id: `m${r.startDay}-${r.days}-${r.threshold}`,
        window: {
          start: `${DATES[r.startDay]!}T00:00:00Z`,
          end: `${DATES[Math.min(20, r.startDay + r.days)]!}T00:00:00Z`,
        },
        guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: r.threshold }],
      }),
    ),
  { minLength: 1, maxLength: 2 },
);

const arbDayActivity = fc.array(fc.tuple(arbActivity, fc.integer({ min: 0, max: 8 * 60 - 1 })), {
  minLength: 1,
  maxLength: 8,
});

/** One of the scheduled days in DATES (every schedule has at least one weekday, and DATES spans three weeks). */
function scheduledDay(schedule: WeeklySchedule, pick: number): string {
  const scheduled = DATES.filter((d) => shiftOn(d, schedule));
  return scheduled[pick % scheduled.length]!;
}

function tallies(events: HelpdeskEvent[], tz: string, schedule: WeeklySchedule, missions: Mission[] = []) {
  return streakTallies({ agentId: 'ana', events, missions, timezone: tz, schedule, minSamples: { csat: 1 } });
}

describe('a day is judged on its own events', () => {
  it(
    'adding the events of day D never changes whether any other day is met (no guarded missions)',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          arbTz,
          arbSchedule,
          arbEvents,
          fc.nat(),
          arbDayActivity,
          (tz, schedule, base, pick, day) => {
            const D = scheduledDay(schedule, pick);
            const before = tallies(base, tz, schedule);
            const after = tallies([...base, ...eventsOfDay(D, tz, schedule, day)], tz, schedule);
            for (const goal of GOALS) {
              for (const d of DATES)
                if (d !== D) expect(isDayMet(after[d], goal)).toBe(isDayMet(before[d], goal));
              // The same through the streak: its met days change on D only.
              const args = {
                schedule,
                absences: [],
                timezone: tz,
                goal,
                from: FROM,
                now: NOW,
                recentDays: 40,
              };
              const met = (t: typeof before) =>
                computeStreak({ ...args, tallies: t })
                  .recent.filter((r) => r.outcome === 'met' && r.date !== D)
                  .map((r) => r.date);
              expect(met(after)).toEqual(met(before));
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it(
    'with guarded missions, a later day’s events never reach back to an earlier day',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          arbTz,
          arbSchedule,
          arbEvents,
          fc.nat(),
          arbDayActivity,
          arbMissions,
          (tz, schedule, base, pick, day, missions) => {
            const D = scheduledDay(schedule, pick);
            const before = tallies(base, tz, schedule, missions);
            const after = tallies([...base, ...eventsOfDay(D, tz, schedule, day)], tz, schedule, missions);
            for (const d of DATES.filter((x) => daysBetween(x, D) > 0))
              expect(after[d] ?? null).toEqual(before[d] ?? null);
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});

describe('a freeze is spent only for a day really missed', () => {
  it('never on a met day, an off day, an absence or a day not over yet', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        arbTz,
        arbSchedule,
        arbEvents,
        arbMissions,
        fc.subarray(DATES, { maxLength: 4 }),
        fc.integer({ min: 0, max: 22 * 24 }),
        fc.constantFrom(...GOALS),
        (tz, schedule, events, missions, sick, hours, goal) => {
          const now = new Date(Date.parse('2026-03-02T06:00:00Z') + hours * 3_600_000).toISOString();
          const t = tallies(events, tz, schedule, missions);
          const absences = sick.map((date) => ({ date, kind: 'sick' as const }));
          const s = computeStreak({
            schedule,
            absences,
            timezone: tz,
            goal,
            tallies: t,
            from: FROM,
            now,
            recentDays: 40,
          });
          for (const d of s.recent) {
            const scheduledWorkday = shiftOn(d.date, schedule) !== undefined && !sick.includes(d.date);
            if (d.outcome === 'frozen') {
              expect(scheduledWorkday).toBe(true);
              expect(isDayMet(t[d.date], goal)).toBe(false);
              expect(msOf(now)).toBeGreaterThanOrEqual(workdayEnd(d.date, tz, schedule).toMillis());
            }
            if (scheduledWorkday) expect(d.outcome === 'met').toBe(isDayMet(t[d.date], goal));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
