import { describe, expect, it } from 'vitest';
import {
  MissionOffer,
  acceptOffer,
  adaptation,
  generateOffers,
  teamTopQuartile,
  type GenerateOffersInput,
  type WeeklyTrendPoint,
} from '../../../shared/domain';
import { metricsOf } from './fixtures';

const week = (weekStart: string, solved: number): WeeklyTrendPoint => ({
  weekStart,
  solved,
  frtAvgMinutes: 40,
  resolutionAvgMinutes: 300,
  csatPct: 88,
  qaAvg: 85,
  reopenRate: 6,
  ahtSeconds: null,
});
const history = [
  week('2026-02-09', 36),
  week('2026-02-16', 40),
  week('2026-02-23', 38),
  week('2026-03-02', 38),
];
const recent = metricsOf(
  'ana',
  { solved: 152, frtAvgMinutes: 40, csatPct: 88, qaAvg: 85, reopenRate: 6, resolutionAvgMinutes: 300 },
  40,
);

function input(over: Partial<GenerateOffersInput> = {}): GenerateOffersInput {
  return {
    agentId: 'ana',
    timezone: 'Europe/Warsaw',
    weekStart: '2026-03-09',
    history,
    recent,
    teamCaps: {
      solved: 45,
      frtAvgMinutes: 20,
      csatPct: 95,
      qaAvg: 92,
      reopenRate: 3,
      resolutionAvgMinutes: 240,
    },
    lastResults: [],
    ...over,
  };
}

describe('generateOffers', () => {
  it('makes steady, stretch and growth offers from the agent’s own last 4 weeks', () => {
    const offers = generateOffers(input());
    expect(offers.map((o) => [o.id, o.kind, o.spec.metric, o.spec.target])).toEqual([
      ['ana:2026-03-09:steady', 'steady', 'solved', 38],
      ['ana:2026-03-09:stretch', 'stretch', 'solved', 45], // 38 × 1.2 = 45.6, capped at the team's 45
      ['ana:2026-03-09:growth', 'growth', 'frtAvgMinutes', 34], // FRT has the most room: 40 vs the team's 20
    ]);
    for (const o of offers) expect(() => MissionOffer.parse(o)).not.toThrow();
    expect(offers[0]!.spec.window).toEqual({
      start: '2026-03-08T23:00:00.000Z',
      end: '2026-03-15T23:00:00.000Z',
    });
    expect(offers[0]!.baseline).toBe(38);
    expect(offers[2]!.spec.guardrails).toEqual([
      { metric: 'csatPct', comparator: 'atLeast', threshold: 83 },
      { metric: 'reopenRate', comparator: 'atMost', threshold: 11 },
    ]);
    expect(offers[2]!.spec.minSample).toBe(5);
    expect(offers[1]!.sentence).toBe(
      'Your last 4 weeks: Tickets solved 38 a week. This one is a step up from that.',
    );
  });

  it('uses only the last 4 weeks of history, in any order', () => {
    const older = [week('2026-01-26', 90), week('2026-02-02', 90)];
    const offers = generateOffers(input({ history: [...history].reverse().concat(older), teamCaps: {} }));
    expect(offers[0]!.baseline).toBe(38);
  });

  it('is deterministic: same inputs, same offers', () => {
    expect(generateOffers(input())).toEqual(generateOffers(input()));
  });

  it('adapts to the last two results', () => {
    const steady = (lastResults: GenerateOffersInput['lastResults']) =>
      generateOffers(input({ lastResults, teamCaps: {} }))[0]!.spec.target;
    expect(steady([])).toBe(38);
    expect(steady(['missed', 'completed', 'completed'])).toBe(42); // a bit harder
    expect(steady(['completed', 'missed', 'missed'])).toBe(34); // easier
    expect(steady(['completed', 'missed'])).toBe(38);
    expect(adaptation(['completed', 'cancelled', 'completed'])).toBe(1);
  });

  it('never offers a metric with too little data', () => {
    const thin = metricsOf('ana', { solved: 8, csatPct: 90 }, 6);
    const offers = generateOffers(
      input({ recent: thin, history: history.map((w) => ({ ...w, solved: 2 })) }),
    );
    expect(offers.map((o) => o.spec.metric).sort()).toEqual(['csatPct', 'solved', 'solved']);
    expect(generateOffers(input({ recent: metricsOf('ana', {}), history: [] }))).toEqual([]);
  });

  it('an agent already past the top quartile is offered the quartile, not more', () => {
    const star = metricsOf('ana', { solved: 240, frtAvgMinutes: 10, csatPct: 99 }, 60);
    const offers = generateOffers(
      input({ recent: star, history: history.map((w) => ({ ...w, solved: 60 })) }),
    );
    expect(offers.find((o) => o.kind === 'stretch')!.spec.target).toBe(45);
  });
});

describe('teamTopQuartile', () => {
  it('takes the 75th percentile where higher is better and the 25th where lower is, per week for counts', () => {
    const team = [10, 20, 30, 40, 50].map((frt, i) =>
      metricsOf(`a${i}`, { solved: (i + 1) * 40, frtAvgMinutes: frt, csatPct: 80 + i * 4 }),
    );
    const caps = teamTopQuartile(team, { weeks: 4 });
    expect(caps.solved).toBe(40); // 75th pct of 40..200 is 160, over 4 weeks
    expect(caps.frtAvgMinutes).toBe(20);
    expect(caps.csatPct).toBe(92);
    expect(caps.qaAvg).toBeUndefined(); // no data, no cap
  });
});

describe('acceptOffer', () => {
  it('turns an offer into an active agent mission', () => {
    const offer = generateOffers(input())[1]!;
    const m = acceptOffer(offer, '2026-03-09T08:00:00Z', 'mission-7', 'team-1');
    expect(m).toMatchObject({
      id: 'mission-7',
      agentId: 'ana',
      teamId: 'team-1',
      origin: 'offer',
      kind: 'stretch',
      status: 'active',
      metric: 'solved',
      target: 45,
      createdAt: '2026-03-09T08:00:00Z',
      settledAt: null,
      reward: { points: 100 },
    });
  });
});

describe('offers never repeat themselves and say truthfully how they relate to the agent’s own level', () => {
  const weeks = (solved: number) =>
    ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'].map((w) => week(w, solved));

  it('an agent averaging 21 under a team cap of 10 gets two different targets, both said to be below their level', () => {
    const offers = generateOffers(input({ history: weeks(21), teamCaps: { solved: 10 } }));
    const [steady, stretch] = offers;
    expect([steady!.spec.target, stretch!.spec.target]).toEqual([9, 10]);
    for (const o of [steady!, stretch!]) {
      expect(o.sentence).toBe(
        'Your last 4 weeks: Tickets solved 21 a week. This one is below that: offers never go past your team’s top quartile (10 a week), and you are already there.',
      );
      expect(o.sentence).not.toContain('step up');
    }
  });

  it('an agent at the cap of 25 is not offered "Solve 25" twice', () => {
    const offers = generateOffers(input({ history: weeks(25), teamCaps: { solved: 25 } }));
    expect(offers.slice(0, 2).map((o) => o.spec.title)).toEqual([
      'Solve 24 tickets this week',
      'Solve 25 tickets this week',
    ]);
    expect(offers[1]!.sentence).toContain('in line with that');
  });

  it('a team cap of one ticket leaves room for one count offer only, not two identical ones', () => {
    const offers = generateOffers(input({ history: weeks(3), teamCaps: { solved: 1.5 } }));
    expect(offers.filter((o) => o.spec.metric === 'solved').map((o) => [o.kind, o.spec.target])).toEqual([
      ['steady', 1],
    ]);
  });

  it('a perfect CSAT is steady at a visible half point below 100, with the stretch at 100', () => {
    const perfect = metricsOf('ana', { csatPct: 100 }, 40);
    const offers = generateOffers(input({ recent: perfect, history: [], teamCaps: {} }));
    expect(offers.map((o) => [o.kind, o.spec.target, o.sentence.split('. ')[1]])).toEqual([
      ['steady', 99.5, 'This one is a little easier than that.'],
      ['stretch', 100, 'This one is in line with that.'],
    ]);
  });

  it('after two missed missions the steady offer says it is easier, not "in line"', () => {
    const [steady] = generateOffers(input({ lastResults: ['missed', 'missed'], teamCaps: {} }));
    expect(steady!.spec.target).toBe(34);
    expect(steady!.sentence).toBe(
      'Your last 4 weeks: Tickets solved 38 a week. This one is a little easier than that, after two missed missions.',
    );
  });
});
