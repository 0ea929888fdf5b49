import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHER_IS_BETTER, evaluateMission, type MetricKey } from '../../../shared/domain';
import { metricsOf, mission } from './fixtures';

const WEEK_START = Date.parse('2026-03-02T00:00:00Z');

describe('mission progress', () => {
  const metrics: MetricKey[] = [
    'solved',
    'frtAvgMinutes',
    'csatPct',
    'qaAvg',
    'reopenRate',
    'ahtSeconds',
    'resolutionAvgMinutes',
  ];
  it('is in [0, 1] and monotonic in the metric in the better direction', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...metrics),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 9 * 86_400_000 }),
        (metric, target, a, b, sample, offset) => {
          const comparator = HIGHER_IS_BETTER[metric] ? 'atLeast' : 'atMost';
          const m = mission({ metric, comparator, target, minSample: 5 });
          const now = new Date(WEEK_START + offset).toISOString();
          const [worse, better] = HIGHER_IS_BETTER[metric]
            ? [Math.min(a, b), Math.max(a, b)]
            : [Math.max(a, b), Math.min(a, b)];
          const value = (v: number) => (metric === 'solved' ? Math.round(v) : v);
          const p1 = evaluateMission(m, metricsOf('ana', { [metric]: value(worse) }, sample), now);
          const p2 = evaluateMission(m, metricsOf('ana', { [metric]: value(better) }, sample), now);
          expect(p1.ratio).toBeGreaterThanOrEqual(0);
          expect(p2.ratio).toBeLessThanOrEqual(1);
          expect(p2.ratio).toBeGreaterThanOrEqual(p1.ratio);
        },
      ),
      { numRuns: 500 },
    );
  });
});
