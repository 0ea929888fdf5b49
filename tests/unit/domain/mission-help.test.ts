import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSolvesNeeded, missionHelp, satisfiedRatingsNeeded } from '../../../shared/domain/mission-help';
import { evaluateMission } from '../../../shared/domain/missions';
import type { Mission } from '../../../shared/domain/mission-model';
import { metricsOf, mission } from './fixtures';

const NOW = '2026-03-05T12:00:00Z';
const helpFor = (m: Mission, values: Parameters<typeof metricsOf>[1], sample = 10) =>
  missionHelp({ mission: m, progress: evaluateMission(m, metricsOf('ana', values, sample), NOW) });

describe('what would help a mission', () => {
  it('counts the solved tickets still to go', () => {
    expect(helpFor(mission(), { solved: 27 })).toBe('13 more solved tickets complete this.');
    expect(helpFor(mission(), { solved: 39 })).toBe('1 more solved ticket completes this.');
    expect(helpFor(mission(), { solved: 40 })).toBeNull();
  });

  it('does not promise completion while a guardrail is not holding', () => {
    const guarded = mission({ guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 87 }] });
    const help = helpFor(guarded, { solved: 23, csatPct: 80 });
    expect(help).toBe('17 more solved tickets reach 40.');
  });

  it('counts the satisfied ratings a CSAT mission needs (4 of 7 to 87%: 17 more)', () => {
    const csat = mission({ metric: 'csatPct', target: 87 });
    expect(helpFor(csat, { csatPct: (100 * 4) / 7 }, 7)).toBe(
      '17 more satisfied ratings keep this on track.',
    );
    expect(helpFor(csat, { csatPct: 90 }, 10)).toBeNull();
  });

  it('counts the clean solves a reopen-rate mission needs', () => {
    const reopen = mission({ metric: 'reopenRate', comparator: 'atMost', target: 5 });
    expect(helpFor(reopen, { solved: 20, reopenRate: 10 }, 20)).toBe(
      '20 more solved tickets that stay solved keep this on track.',
    );
  });

  it('says nothing it cannot count exactly, or for a mission that is over', () => {
    const frt = mission({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 30 });
    expect(helpFor(frt, { frtAvgMinutes: 34 }, 20)).toBeNull();
    expect(helpFor(mission({ status: 'missed' }), { solved: 10 })).toBeNull();
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
