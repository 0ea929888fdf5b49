import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HIGHER_IS_BETTER,
  MissionSpec,
  formatMetric,
  generateOffers,
  metricLabel,
  shownValue,
  type AgentMetrics,
  type MissionStatus,
  type OfferMetric,
  type TeamCaps,
  type WeeklyTrendPoint,
} from '../../../shared/domain';
import { metricsOf, trendWeek } from './fixtures';

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
          const history = [1, 2, 3, 4].map((w) => trendWeek(`2026-02-0${w + 1}`, { solved: agent.solved }));
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

describe('offers over arbitrary histories', () => {
  const metricValue = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: null });
  const arbRecent = fc.record({
    csatPct: metricValue(100),
    frtAvgMinutes: metricValue(600),
    qaAvg: metricValue(100),
    reopenRate: metricValue(100),
    resolutionAvgMinutes: metricValue(3000),
    ahtSeconds: metricValue(2000),
  });
  const arbCaps = fc.record(
    {
      solved: fc.double({ min: 0, max: 80, noNaN: true }),
      csatPct: fc.double({ min: 0, max: 100, noNaN: true }),
      frtAvgMinutes: fc.double({ min: 0, max: 600, noNaN: true }),
      qaAvg: fc.double({ min: 0, max: 100, noNaN: true }),
      reopenRate: fc.double({ min: 0, max: 100, noNaN: true }),
      resolutionAvgMinutes: fc.double({ min: 0, max: 3000, noNaN: true }),
      ahtSeconds: fc.double({ min: 0, max: 2000, noNaN: true }),
    },
    { requiredKeys: [] },
  );
  const arbHistory = fc
    .array(fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }), { maxLength: 6 })
    .map((solved) =>
      solved.map((s, i) => trendWeek(`2026-01-${String(5 + 7 * i).padStart(2, '0')}`, { solved: s })),
    );
  const arbResults = fc.array(
    fc.constantFrom('completed' as const, 'missed' as const, 'cancelled' as const),
    {
      maxLength: 4,
    },
  );
  const offersOf = (
    history: WeeklyTrendPoint[],
    recent: Partial<Record<keyof AgentMetrics, number | null>>,
    teamCaps: TeamCaps,
    lastResults: MissionStatus[],
  ) =>
    generateOffers({
      agentId: 'ana',
      timezone: 'Europe/Warsaw',
      weekStart: '2026-03-09',
      history,
      recent: metricsOf('ana', recent, 20),
      teamCaps,
      lastResults,
    });

  it(
    'no two offers ask for the same thing, and there are as many as the history allows',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(arbHistory, arbRecent, arbCaps, arbResults, (history, recent, caps, results) => {
          const offers = offersOf(history, recent, caps, results);
          const asks = offers.map((o) => `${o.spec.metric}=${shownValue(o.spec.metric, o.spec.target)}`);
          expect(new Set(asks).size).toBe(asks.length);
          for (const o of offers) expect(MissionSpec.safeParse(o.spec).success).toBe(true);
          if (offers.length === 0) return;
          const main = offers[0]!.spec.metric;
          expect(offers[0]!.kind).toBe('steady');
          // No stretch only when the team cap leaves a single possible target: 1 ticket, 0% / 0 points, a 100% reopen rate.
          const cap = (caps as TeamCaps)[main as OfferMetric];
          const onlyOne =
            cap !== undefined &&
            ((main === 'solved' && cap < 2) ||
              ((main === 'csatPct' || main === 'qaAvg') && cap < 0.5) ||
              (main === 'reopenRate' && cap > 99.5));
          expect(offers.some((o) => o.kind === 'stretch')).toBe(!onlyOne);
          const other = offers.find((o) => o.kind === 'growth');
          if (other) expect(other.spec.metric).not.toBe(main);
        }),
        { numRuns: 400 },
      );
    },
  );

  it(
    'every sentence says truthfully how the target relates to the agent’s own recent level',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(arbHistory, arbRecent, arbCaps, arbResults, (history, recent, caps, results) => {
          for (const o of offersOf(history, recent, caps, results)) {
            const m = o.spec.metric;
            const [t, b] = [o.spec.target, o.baseline];
            const asksMore = HIGHER_IS_BETTER[m] ? t > b : t < b;
            const asksLess = HIGHER_IS_BETTER[m] ? t < b : t > b;
            const shownLevel = m === 'solved' ? `${Math.round(b)} a week` : formatMetric(m, b);
            expect(
              o.sentence.startsWith(`Your last 4 weeks: ${metricLabel(m)} ${shownLevel}. This one is `),
            ).toBe(true);
            if (o.sentence.includes('a step up')) expect(asksMore).toBe(true);
            if (o.sentence.includes('easier than that') || o.sentence.includes('below that'))
              expect(asksLess).toBe(true);
            if (o.sentence.includes('in line with that')) expect(shownValue(m, t)).toBe(shownValue(m, b));
            // Exactly one of the three relations is claimed.
            const claims = ['a step up', 'in line with that', 'easier than that', 'below that'].filter((c) =>
              o.sentence.includes(c),
            );
            expect(claims).toHaveLength(1);
          }
        }),
        { numRuns: 400 },
      );
    },
  );
});
