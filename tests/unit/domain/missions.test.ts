import { describe, expect, it } from 'vitest';
import { MissionProgress, evaluateMission, settleMission } from '../../../shared/domain';
import { metricsOf, mission } from './fixtures';

// The window is Monday 2 March → Monday 9 March (UTC in these fixtures).
const WED_NOON = '2026-03-04T12:00:00Z';
const FRI_NOON = '2026-03-06T12:00:00Z';
const CLOSED = '2026-03-09T00:00:00Z';

describe('count missions', () => {
  it('progress and sentence while running', () => {
    const p = evaluateMission(mission(), metricsOf('ana', { solved: 12 }), FRI_NOON);
    expect(p.ratio).toBeCloseTo(0.3);
    expect(p.sentence).toBe('12 of 40 solved, 2 days left');
    expect(p.state).toBe('at_risk'); // 30% done with 64% of the week gone
    expect(p.msLeft).toBe(2.5 * 86_400_000);
    expect(evaluateMission(mission(), metricsOf('ana', { solved: 20 }), WED_NOON).state).toBe('on_track');
  });

  it('complete the moment the target is reached, before the window closes', () => {
    const s = settleMission(mission(), metricsOf('ana', { solved: 40 }), WED_NOON);
    expect(s.status).toBe('completed');
    expect(s.settledAt).toBe(WED_NOON);
    expect(s.progress.ratio).toBe(1);
    expect(s.progress.sentence).toBe('40 of 40 solved — completed!');
  });

  it('do not complete early while a guardrail is broken', () => {
    const m = mission({ guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 90 }] });
    const s = settleMission(m, metricsOf('ana', { solved: 41, csatPct: 80 }), WED_NOON);
    expect(s.status).toBe('active');
    expect(s.progress.state).toBe('at_risk');
    expect(s.progress.guardrails[0]).toMatchObject({ value: 80, holds: false });
    expect(s.progress.sentence).toContain('CSAT 80% — needs 90% or more');
  });

  it('are missed when the window closes short of the target', () => {
    const s = settleMission(mission(), metricsOf('ana', { solved: 32 }), CLOSED);
    expect(s.status).toBe('missed');
    expect(s.progress.sentence).toBe('32 of 40 solved — the window has closed');
  });
});

describe('average missions', () => {
  const frt = mission({
    title: 'Average first reply 30 min or less',
    metric: 'frtAvgMinutes',
    comparator: 'atMost',
    target: 30,
    minSample: 5,
    guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 90 }],
  });

  it('are on track or at risk while the window is open, never completed early', () => {
    const ok = settleMission(frt, metricsOf('ana', { frtAvgMinutes: 25, csatPct: 95 }), FRI_NOON);
    expect(ok.status).toBe('active');
    expect(ok.progress.state).toBe('on_track');
    const slow = evaluateMission(
      frt,
      metricsOf('ana', { frtAvgMinutes: 42, csatPct: 95 }),
      '2026-03-06T23:00:00Z',
    );
    expect(slow.state).toBe('at_risk');
    expect(slow.sentence).toBe('Average first reply 42 min — target 30 min or less, 2 days left');
    expect(slow.ratio).toBeCloseTo(30 / 42);
  });

  it('an FRT mission met on speed whose CSAT guardrail fails is missed', () => {
    const s = settleMission(frt, metricsOf('ana', { frtAvgMinutes: 18, csatPct: 82 }), CLOSED);
    expect(s.status).toBe('missed');
    expect(s.progress.guardrails).toMatchObject([{ holds: false, value: 82 }]);
    expect(s.progress.sentence).toContain('CSAT 82% — needs 90% or more');
  });

  it('an FRT mission met with its guardrail holding completes at settlement', () => {
    const s = settleMission(frt, metricsOf('ana', { frtAvgMinutes: 18, csatPct: 94 }), CLOSED);
    expect(s).toMatchObject({ status: 'completed', settledAt: CLOSED });
  });

  it('an average mission with too few tickets is not completed', () => {
    const few = metricsOf('ana', { frtAvgMinutes: 10, csatPct: 100 }, 3);
    const running = evaluateMission(frt, few, FRI_NOON);
    expect(running.state).toBe('active');
    expect(running.ratio).toBeCloseTo(3 / 5);
    expect(running.sentence).toBe(
      'Average first reply: not enough data yet (3 of 5 needed) — target 30 min or less, 2 days left',
    );
    expect(settleMission(frt, few, CLOSED).status).toBe('missed');
  });

  it('a metric reported as not enough data is not completed either', () => {
    const s = settleMission(frt, metricsOf('ana', { csatPct: 100 }), CLOSED);
    expect(s.status).toBe('missed');
    expect(s.progress.value).toBeNull();
    expect(s.progress.ratio).toBe(0);
  });

  it('atLeast averages: CSAT 92% or more', () => {
    const csat = mission({
      title: 'CSAT 92%',
      metric: 'csatPct',
      comparator: 'atLeast',
      target: 92,
      minSample: 5,
    });
    const p = evaluateMission(csat, metricsOf('ana', { csatPct: 69 }), FRI_NOON);
    expect(p.ratio).toBeCloseTo(0.75);
    expect(p.sentence).toBe('CSAT 69% — target 92% or more, 2 days left');
  });
});

describe('count missions with "at most"', () => {
  it('cannot complete early (counts only grow) and settle when the window closes', () => {
    const m = mission({ title: 'At most 5 solved (pilot)', comparator: 'atMost', target: 5 });
    expect(settleMission(m, metricsOf('ana', { solved: 3 }), WED_NOON).status).toBe('active');
    expect(settleMission(m, metricsOf('ana', { solved: 3 }), CLOSED).status).toBe('completed');
    expect(settleMission(m, metricsOf('ana', { solved: 7 }), CLOSED).status).toBe('missed');
  });
});

describe('progress fits the contract', () => {
  it('parses as MissionProgress in every state', () => {
    const frt = mission({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 30, minSample: 5 });
    for (const now of [WED_NOON, CLOSED]) {
      for (const values of [{ solved: 12 }, { solved: 45 }, { frtAvgMinutes: 12 }, {}]) {
        for (const m of [mission(), frt]) {
          const p = evaluateMission(m, metricsOf('ana', values), now);
          expect(MissionProgress.parse(p)).toEqual(p);
        }
      }
    }
  });
});

describe('settled and cancelled missions', () => {
  it('keep their status and settledAt', () => {
    const done = mission({ status: 'completed', settledAt: WED_NOON });
    expect(settleMission(done, metricsOf('ana', { solved: 3 }), CLOSED)).toMatchObject({
      status: 'completed',
      settledAt: WED_NOON,
      progress: { state: 'completed', ratio: 1 },
    });
    const cancelled = mission({ status: 'cancelled', settledAt: WED_NOON });
    expect(evaluateMission(cancelled, metricsOf('ana', { solved: 3 }), FRI_NOON).state).toBe('cancelled');
  });
});
