import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSolvesNeeded, missionHelp, satisfiedRatingsNeeded } from '../../../shared/domain/mission-help';
import { evaluateMission } from '../../../shared/domain/missions';
import type { AgentMetrics, MetricKey } from '../../../shared/domain/metrics-model';
import type { Mission } from '../../../shared/domain/mission-model';

const NOW = '2026-03-12T12:00:00Z';
const mission = (patch: Partial<Mission>): Mission => ({
  id: 'm-1',
  title: 'Mission',
  metric: 'solved',
  comparator: 'atLeast',
  target: 40,
  window: { start: '2026-03-09T00:00:00Z', end: '2026-03-16T00:00:00Z' },
  minSample: 1,
  guardrails: [],
  reward: { points: 50 },
  scope: 'agent',
  agentId: 'p-1',
  teamId: null,
  origin: 'offer',
  kind: 'steady',
  status: 'active',
  createdAt: '2026-03-09T00:00:00Z',
  settledAt: null,
  ...patch,
});
const none = { value: null, sample: 0 };
const metrics = (key: MetricKey, value: number, sample: number): AgentMetrics => ({
  agentId: 'p-1',
  from: '2026-03-09T00:00:00Z',
  to: NOW,
  timezone: 'UTC',
  solved: none,
  frtAvgMinutes: none,
  frtMedianMinutes: none,
  resolutionAvgMinutes: none,
  csatPct: none,
  qaAvg: none,
  reopenRate: none,
  ahtSeconds: none,
  reopened: none,
  [key]: { value, sample },
});
const helpFor = (m: Mission, key: MetricKey, value: number, sample: number) =>
  missionHelp({ mission: m, progress: evaluateMission(m, metrics(key, value, sample), NOW) });

describe('what would help a mission', () => {
  it('counts the solved tickets still to go', () => {
    expect(helpFor(mission({}), 'solved', 27, 27)).toBe('13 more solved tickets complete this.');
    expect(helpFor(mission({}), 'solved', 39, 39)).toBe('1 more solved ticket completes this.');
    expect(helpFor(mission({}), 'solved', 40, 40)).toBeNull();
  });

  it('counts the satisfied ratings a CSAT mission needs (4 of 7 to 87%: 17 more)', () => {
    const csat = mission({ metric: 'csatPct', target: 87 });
    expect(helpFor(csat, 'csatPct', (100 * 4) / 7, 7)).toBe('17 more satisfied ratings keep this on track.');
    expect(helpFor(csat, 'csatPct', 90, 10)).toBeNull();
  });

  it('counts the clean solves a reopen-rate mission needs', () => {
    const reopen = mission({ metric: 'reopenRate', comparator: 'atMost', target: 5 });
    expect(helpFor(reopen, 'reopenRate', 10, 20)).toBe(
      '20 more solved tickets that stay solved keep this on track.',
    );
  });

  it('says nothing it cannot count exactly, or for a mission that is over', () => {
    const frt = mission({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 30 });
    expect(helpFor(frt, 'frtAvgMinutes', 34, 20)).toBeNull();
    expect(helpFor(mission({ status: 'missed' }), 'solved', 10, 10)).toBeNull();
    expect(satisfiedRatingsNeeded(9, 10, 100)).toBeNull();
  });

  it('is the fewest satisfied ratings that reach the target, for any ratings so far', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 99 }),
        (rated, s, target) => {
          const satisfied = Math.min(s, rated);
          const k = satisfiedRatingsNeeded(satisfied, rated, target)!;
          expect((100 * (satisfied + k)) / (rated + k)).toBeGreaterThanOrEqual(target);
          if (k > 0) expect((100 * (satisfied + k - 1)) / (rated + k - 1)).toBeLessThan(target);
        },
      ),
    );
  });

  it('is the fewest clean solves that bring the reopen rate down, for any solves so far', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 99 }),
        (solved, o, target) => {
          const reopened = Math.min(o, solved);
          const k = cleanSolvesNeeded(reopened, solved, target)!;
          expect((100 * reopened) / (solved + k)).toBeLessThanOrEqual(target);
          if (k > 0) expect((100 * reopened) / (solved + k - 1)).toBeGreaterThan(target);
        },
      ),
    );
  });
});
