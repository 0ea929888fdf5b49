import { describe, expect, it } from 'vitest';
import {
  DailyGoal,
  computeStreak,
  dailyTallies,
  guardrailBrokenDays,
  type WeeklySchedule,
} from '../../../shared/domain';
import { mission, rated } from './fixtures';

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
