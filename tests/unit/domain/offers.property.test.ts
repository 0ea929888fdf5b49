import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHER_IS_BETTER, generateOffers } from '../../../shared/domain';
import { metricsOf } from './fixtures';

describe('offer invariants', () => {
  it('offers are never harder than the team’s top quartile', { timeout: 30_000 }, () => {
    const pos = (max: number) => fc.option(fc.double({ min: 0.5, max, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          solved: pos(100),
          frtAvgMinutes: pos(600),
          csatPct: pos(100),
          qaAvg: pos(100),
          reopenRate: pos(60),
          resolutionAvgMinutes: pos(3000),
          ahtSeconds: pos(2000),
        }),
        fc.record({
          solved: pos(100),
          frtAvgMinutes: pos(600),
          csatPct: pos(100),
          qaAvg: pos(100),
          reopenRate: pos(60),
          resolutionAvgMinutes: pos(3000),
          ahtSeconds: pos(2000),
        }),
        fc.array(fc.constantFrom('completed' as const, 'missed' as const), { maxLength: 3 }),
        (agent, caps, lastResults) => {
          const teamCaps = Object.fromEntries(Object.entries(caps).filter(([, v]) => v !== null)) as Record<
            string,
            number
          >;
          const history = [1, 2, 3, 4].map((w) => ({
            weekStart: `2026-02-0${w + 1}`,
            solved: agent.solved,
            frtAvgMinutes: null,
            resolutionAvgMinutes: null,
            csatPct: null,
            qaAvg: null,
            reopenRate: null,
            ahtSeconds: null,
          }));
          const offers = generateOffers({
            agentId: 'ana',
            timezone: 'UTC',
            weekStart: '2026-03-09',
            history,
            recent: metricsOf('ana', agent),
            teamCaps,
            lastResults,
          });
          for (const o of offers) {
            const cap = teamCaps[o.spec.metric];
            expect(o.cap).toBe(cap ?? null);
            if (cap === undefined) continue;
            if (HIGHER_IS_BETTER[o.spec.metric]) expect(o.spec.target).toBeLessThanOrEqual(cap);
            else expect(o.spec.target).toBeGreaterThanOrEqual(cap);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
