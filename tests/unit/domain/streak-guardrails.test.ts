import { describe, expect, it } from 'vitest';
import {
  DailyGoal,
  computeStreak,
  dailyTallies,
  guardrailBrokenDays,
  streakTallies,
  type HelpdeskEvent,
  type WeeklySchedule,
} from '../../../shared/domain';
import { assigned, created, mission, rated, replied, solved } from './fixtures';

const DAY = { start: '09:00', end: '17:00' };
const WEEKDAYS: WeeklySchedule = { '1': DAY, '2': DAY, '3': DAY, '4': DAY, '5': DAY };
const frtMission = mission({
  metric: 'frtAvgMinutes',
  comparator: 'atMost',
  target: 30,
  minSample: 5,
  guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 80 }],
});

describe('guardrailBrokenDays', () => {
  // Mon: 5 satisfied. Tue: 2 unhappy → CSAT 5/7 = 71% < 80%: guardrail broken on Tuesday.
  // Wed: 1 unhappy but 6 satisfied → 11/14 = 79%: still broken. Thu: 1 unhappy, CSAT back above 80% by then.
  const events = [
    ...[1, 2, 3, 4, 5].map((i) => rated(`mon${i}`, 'ana', '2026-03-02T10:00:00Z', true)),
    rated('tue1', 'ana', '2026-03-03T10:00:00Z', false),
    rated('tue2', 'ana', '2026-03-03T11:00:00Z', false),
    ...[1, 2, 3, 4, 5, 6].map((i) => rated(`wed${i}`, 'ana', '2026-03-04T09:00:00Z', true)),
    rated('wed7', 'ana', '2026-03-04T12:00:00Z', false),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => rated(`thu${i}`, 'ana', '2026-03-05T09:00:00Z', true)),
    rated('thu9', 'ana', '2026-03-05T12:00:00Z', false),
  ];
  const input = { agentId: 'ana', missions: [frtMission], events, timezone: 'UTC', schedule: WEEKDAYS };

  it('flags days with an unhappy rating while a guardrail was broken, judged up to that day', () => {
    expect(guardrailBrokenDays(input)).toEqual(['2026-03-03', '2026-03-04']);
  });

  it('judges only ratings given once the mission existed: assigning it mid-week breaks no day behind', () => {
    // Assigned Thursday 10:00: Tuesday's and Wednesday's slips predate it; Thursday's 12:00 slip does not.
    const late = { ...frtMission, createdAt: '2026-03-05T10:00:00Z' };
    expect(guardrailBrokenDays({ ...input, missions: [late] })).toEqual([]);
    const lateWed = { ...frtMission, createdAt: '2026-03-04T11:00:00Z' };
    expect(guardrailBrokenDays({ ...input, missions: [lateWed] })).toEqual(['2026-03-04']);
  });

  it('ignores cancelled missions and missions without guardrails', () => {
    expect(guardrailBrokenDays({ ...input, missions: [{ ...frtMission, status: 'cancelled' }] })).toEqual([]);
    expect(guardrailBrokenDays({ ...input, missions: [{ ...frtMission, guardrails: [] }] })).toEqual([]);
  });

  it('feeds the daily goal: those days do not count towards the streak', () => {
    const tallies = dailyTallies(events, 'ana', 'UTC', WEEKDAYS, guardrailBrokenDays(input));
    const s = computeStreak({
      schedule: WEEKDAYS,
      absences: [],
      timezone: 'UTC',
      goal: DailyGoal.parse({}),
      tallies,
      from: '2026-03-02',
      now: '2026-03-05T18:00:00Z',
    });
    expect(s.recent.map((d) => d.outcome)).toEqual(['met', 'frozen', 'missed', 'met']);
  });
});

describe('streakTallies: the complete rule a streak refresh needs', () => {
  // Mon–Fri. Ana met every day from Mon 9 Feb to Wed 4 Mar (a 19-day streak); this week she has a mission
  // with a CSAT ≥ 90% guardrail, and Mon 2 and Tue 3 each had one unhappy rating among many happy ones.
  const weekdaysBefore = (days: number) => {
    const out: string[] = [];
    for (let d = Date.parse('2026-03-04T00:00:00Z'); out.length < days; d -= 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      if (![0, 6].includes(new Date(d).getUTCDay())) out.unshift(date);
    }
    return out;
  };
  const met = weekdaysBefore(19);
  const history = met.flatMap((day) =>
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) =>
      rated(`${day}-${i}`, 'ana', `${day}T${String(8 + (i % 8)).padStart(2, '0')}:00:00Z`, true),
    ),
  );
  const slips = [
    rated('mon-x', 'ana', '2026-03-02T16:00:00Z', false),
    rated('tue-x', 'ana', '2026-03-03T16:00:00Z', false),
  ];
  const guarded = mission({
    window: { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z' },
    guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 90 }],
  });
  // Thursday: a day of realistic webhook traffic, and two unhappy customers that break the guardrail now.
  const thursday = [
    created('T-1', '2026-03-05T08:00:00Z'),
    assigned('T-1', 'ana', '2026-03-05T08:01:00Z'),
    replied('T-1', 'ana', '2026-03-05T08:20:00Z'),
    solved('T-1', 'ana', '2026-03-05T09:00:00Z'),
    ...[1, 2, 3, 4, 5, 6].map((i) => rated(`thu-x${i}`, 'ana', `2026-03-05T1${i}:00:00Z`, false)),
  ];
  const streakOf = (events: HelpdeskEvent[], now: string) =>
    computeStreak({
      schedule: WEEKDAYS,
      absences: [],
      timezone: 'UTC',
      goal: DailyGoal.parse({}),
      tallies: streakTallies({
        agentId: 'ana',
        missions: [guarded],
        events,
        timezone: 'UTC',
        schedule: WEEKDAYS,
      }),
      from: met[0]!,
      now,
      recentDays: 40,
    });

  it('a day of webhook traffic that breaks a guardrail today leaves every earlier day and the freeze as they were', () => {
    const before = streakOf([...history, ...slips], '2026-03-05T07:00:00Z');
    expect(before.current).toBe(19);
    const after = streakOf([...history, ...slips, ...thursday], '2026-03-05T18:00:00Z');
    expect(after.recent.slice(0, -1)).toEqual(before.recent.slice(0, -1));
    expect(after.recent.at(-1)).toEqual({ date: '2026-03-05', outcome: 'pending' });
    expect(after.current).toBe(19);
    expect(after.freezesLeft).toBe(1);
  });
});
