import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HIGHER_IS_BETTER,
  MetricKey,
  RISK_EVIDENCE_SHARE,
  evaluateMission,
  meets,
  type Mission,
} from '../../../shared/domain';
import { metricsOf, mission } from './fixtures';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('"at risk" needs evidence', () => {
  it('a mission assigned seconds ago ("0 of 10, 2 days left") is on track, not at risk', () => {
    const assigned = Date.parse('2026-03-04T15:00:00Z');
    const m = mission({
      target: 10,
      window: { start: iso(assigned), end: iso(assigned + 2 * 24 * HOUR + HOUR) },
      createdAt: iso(assigned),
    });
    const p = evaluateMission(m, metricsOf('ana', { solved: 0 }), iso(assigned + 20_000));
    expect(p.sentence).toBe('0 of 10 solved, 2 days left');
    expect(p.state).toBe('on_track');
  });

  it('an offer accepted mid-week is not at risk for the days before it existed, until its own evidence comes in', () => {
    // Window Monday → next Monday; accepted Wednesday noon with nothing solved yet.
    const m = mission({ target: 20, createdAt: '2026-03-04T12:00:00Z' });
    const at = (now: string, solved: number) => evaluateMission(m, metricsOf('ana', { solved }), now).state;
    expect(at('2026-03-04T12:01:00Z', 0)).toBe('active'); // behind the week's pace, but no evidence yet
    expect(at('2026-03-05T12:00:00Z', 0)).toBe('active'); // a day of the 4.5 days it has: not yet a quarter
    expect(at('2026-03-05T18:00:00Z', 0)).toBe('at_risk'); // 1.25 of 4.5 days: a quarter and more
    expect(at('2026-03-05T18:00:00Z', 12)).toBe('on_track');
  });

  it('falling behind needs a whole ticket short of the even pace, once a quarter of the window is gone', () => {
    const m = mission({ target: 40 }); // created before the window opened
    const quarter = iso(Date.parse(m.window.start) + 0.25 * 7 * 24 * HOUR); // expected 10 by now
    expect(evaluateMission(m, metricsOf('ana', { solved: 9 }), quarter).state).toBe('at_risk');
    expect(evaluateMission(m, metricsOf('ana', { solved: 10 }), quarter).state).toBe('on_track');
    const early = iso(Date.parse(m.window.start) + 0.2 * 7 * 24 * HOUR); // expected 8, too early to judge
    expect(evaluateMission(m, metricsOf('ana', { solved: 0 }), early).state).toBe('active');
  });

  it('an average mission is at risk only on its minimum sample, or a guardrail judged on its own', () => {
    const frt = mission({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 30, minSample: 5 });
    const now = '2026-03-02T10:00:00Z';
    expect(evaluateMission(frt, metricsOf('ana', { frtAvgMinutes: 90 }, 3), now).state).toBe('active');
    expect(evaluateMission(frt, metricsOf('ana', { frtAvgMinutes: 90 }, 5), now).state).toBe('at_risk');
    const guarded = mission({ guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 90 }] });
    expect(evaluateMission(guarded, metricsOf('ana', { solved: 0, csatPct: 70 }), now).state).toBe('at_risk');
  });
});

describe('"at risk" invariants', () => {
  const validTarget = (metric: MetricKey) =>
    metric === 'solved'
      ? fc.integer({ min: 1, max: 200 })
      : metric === 'csatPct' || metric === 'qaAvg' || metric === 'reopenRate'
        ? fc.double({ min: 0, max: 100, noNaN: true })
        : fc.double({ min: 0.5, max: 3000, noNaN: true });
  const arbMission: fc.Arbitrary<Mission> = fc
    .constantFrom(...MetricKey.options)
    .chain((metric) =>
      fc.record({
        metric: fc.constant(metric),
        target: validTarget(metric),
        start: fc.integer({ min: 0, max: 30 * 24 }).map((h) => Date.parse('2026-03-01T00:00:00Z') + h * HOUR),
        spanHours: fc.integer({ min: 1, max: 14 * 24 }),
        createdShare: fc.double({ min: -1, max: 0.9, noNaN: true }),
        minSample: fc.integer({ min: 1, max: 20 }),
      }),
    )
    .map((r) => {
      const end = r.start + r.spanHours * HOUR;
      return mission({
        metric: r.metric,
        comparator: HIGHER_IS_BETTER[r.metric] ? 'atLeast' : 'atMost',
        target: r.target,
        minSample: r.metric === 'solved' ? 1 : r.minSample,
        window: { start: iso(r.start), end: iso(end) },
        createdAt: iso(r.start + r.createdShare * (end - r.start)),
      });
    });

  it('with nothing done yet, a mission is never at risk before a quarter of its own time has passed', () => {
    fc.assert(
      fc.property(arbMission, fc.double({ min: 0, max: 0.999, noNaN: true }), (m, share) => {
        const since = Math.max(Date.parse(m.window.start), Date.parse(m.createdAt));
        const now = iso(since + share * RISK_EVIDENCE_SHARE * (Date.parse(m.window.end) - since));
        const p = evaluateMission(m, metricsOf('ana', { solved: 0 }), now);
        expect(['on_track', 'active']).toContain(p.state);
      }),
      { numRuns: 500 },
    );
  });

  it('"at risk" always has evidence: a guardrail broken, a count behind pace after a quarter, or an average off target on its sample', () => {
    fc.assert(
      fc.property(
        arbMission,
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (base, raw, sample, csat, share) => {
          const m = {
            ...base,
            guardrails: [{ metric: 'csatPct' as const, comparator: 'atLeast' as const, threshold: 85 }],
          };
          const value = m.metric === 'solved' ? Math.round(raw) : raw;
          const metrics = metricsOf(
            'ana',
            { [m.metric]: value, ...(m.metric === 'csatPct' ? {} : { csatPct: csat }) },
            sample,
          );
          const start = Date.parse(m.window.start);
          const end = Date.parse(m.window.end);
          const t = start + share * (end - start);
          const p = evaluateMission(m, metrics, iso(t));
          if (p.state !== 'at_risk') return;
          const guardBroken = p.guardrails.some((g) => g.holds === false);
          const mv = metrics[m.metric];
          if (m.metric === 'solved') {
            const since = Math.max(start, Date.parse(m.createdAt));
            const behind = m.target * Math.min(1, (t - start) / (end - start)) - value >= 1;
            expect(guardBroken || (behind && (t - since) / (end - since) >= RISK_EVIDENCE_SHARE)).toBe(true);
          } else {
            const offTarget =
              mv.value !== null && mv.sample >= m.minSample && !meets(mv.value, m.comparator, m.target);
            expect(guardBroken || offTarget).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('more tickets solved never turns "on track" into "at risk"', () => {
    fc.assert(
      fc.property(
        arbMission.filter((m) => m.metric === 'solved'),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (m, a, b, share) => {
          const now = iso(
            Date.parse(m.window.start) + share * (Date.parse(m.window.end) - Date.parse(m.window.start)),
          );
          const rank = {
            active: 0,
            at_risk: 0,
            on_track: 1,
            completed: 2,
            missed: -1,
            cancelled: -1,
          } as const;
          const lo = evaluateMission(m, metricsOf('ana', { solved: Math.min(a, b) }), now).state;
          const hi = evaluateMission(m, metricsOf('ana', { solved: Math.max(a, b) }), now).state;
          expect(rank[hi]).toBeGreaterThanOrEqual(rank[lo]);
          if (hi === 'at_risk') expect(lo).toBe('at_risk');
        },
      ),
      { numRuns: 500 },
    );
  });
});
