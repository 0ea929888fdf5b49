import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recapOf, weekFacts, weekWindowOf, type Kudos, type RecapInput } from '../../../shared/domain';
import { mission, rated, replied, solved, trendWeek } from './fixtures';

const TZ = 'Europe/Warsaw';
// The recap delivered in the week of Monday 30 March 2026 is about 23–29 March; DST began on the 29th.
const FOR_WEEK = '2026-03-30';
const WEEK = '2026-03-23';

const kudos = (id: string, at: string, to = 'ana'): Kudos => ({
  id,
  kind: 'peer',
  fromPersonId: 'ben',
  fromName: 'Ben',
  toPersonId: to,
  toName: 'Ana',
  message: `Thanks ${id}`,
  value: 'Empathy',
  ticketId: null,
  ticketUrl: null,
  customerQuote: null,
  at,
  thankedAt: null,
  readAt: null,
});

/** An instant in the four weeks before the recapped week or in it (hours from 23 Feb 2026, Warsaw time). */
const arbAt = fc
  .integer({ min: 0, max: 35 * 24 - 1 })
  .map((h) => new Date(Date.parse('2026-02-22T23:00:00Z') + h * 3_600_000).toISOString());
const arbEvent = fc
  .tuple(
    fc.constantFrom('solved', 'replied', 'private', 'happy', 'unhappy'),
    fc.integer({ min: 1, max: 12 }),
    arbAt,
    fc.constantFrom('ana', 'ben'),
  )
  .map(([kind, ticket, at, agent]) => {
    const t = `T${ticket}`;
    if (kind === 'solved') return solved(t, agent, at);
    if (kind === 'replied') return replied(t, agent, at);
    if (kind === 'private') return replied(t, agent, at, false);
    return rated(t, agent, at, kind === 'happy');
  });

const input = (over: Partial<RecapInput>): RecapInput => ({
  agentId: 'ana',
  name: 'Ana',
  timezone: TZ,
  forWeek: FOR_WEEK,
  deliveredAt: '2026-03-30T07:00:00.000Z',
  events: [],
  kudos: [],
  trends: [],
  missions: [],
  streak: { current: 3, longest: 9 },
  offers: [],
  ...over,
});

const shuffled = <T>(items: readonly T[], seed: number): T[] =>
  [...items]
    .map((v, i) => ({ v, k: (i * 7919 + seed) % 104729 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.v);

describe('recapOf', () => {
  it('is the same whatever the order of its facts, and with every fact given twice', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 60 }),
        fc.array(arbAt, { maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        (events, kudosAt, seed) => {
          const given = input({
            events,
            kudos: kudosAt.map((at, i) => kudos(`k${i}`, at)),
            missions: kudosAt.map((at, i) =>
              mission({ id: `m${i}`, status: i % 2 ? 'completed' : 'missed', settledAt: at }),
            ),
          });
          const recap = recapOf(given);
          const again = recapOf({
            ...given,
            events: shuffled([...given.events, ...given.events], seed),
            kudos: shuffled([...given.kudos, ...given.kudos], seed),
            missions: shuffled([...given.missions, ...given.missions], seed),
          });
          expect(again).toEqual(recap);
        },
      ),
    );
  });

  it('counts only the recapped week, only the agent, and compares with their own past only', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 60 }),
        fc.array(arbEvent, { maxLength: 30 }),
        (events, others) => {
          const window = weekWindowOf(WEEK, TZ);
          const recap = recapOf(input({ events }));
          const facts = weekFacts('ana', events, window);
          expect(recap.solved.value).toBe(facts.solved);
          expect(recap.customersHelped.value).toBe(facts.customersHelped);
          expect(recap.thanksReceived.value).toBe(facts.thanksReceived);
          // Someone else's work, in any week, changes nothing of Ana's recap: no comparison with anyone.
          const otherPeople = others.map((e) => ('agentId' in e ? { ...e, agentId: 'zoe' } : e));
          expect(recapOf(input({ events: [...events, ...otherPeople] }))).toEqual(recap);
          expect(facts.solved).toBeLessThanOrEqual(facts.customersHelped);
        },
      ),
    );
  });

  it('lists the week’s kudos and settled missions in time order, each once, and the week’s personal bests', () => {
    const recap = recapOf(
      input({
        kudos: [
          kudos('late', '2026-03-29T20:00:00Z'),
          kudos('early', '2026-03-23T08:00:00Z'),
          kudos('before', '2026-03-22T22:30:00Z'), // Sunday 23:30 in Warsaw: the week before
          kudos('other', '2026-03-24T08:00:00Z', 'ben'),
        ],
        missions: [
          mission({ id: 'done', status: 'completed', settledAt: '2026-03-27T16:00:00Z' }),
          mission({ id: 'cancelled', status: 'cancelled', settledAt: '2026-03-27T16:00:00Z' }),
          mission({ id: 'running', status: 'active' }),
        ],
        trends: [
          trendWeek('2026-03-16', { solved: 20 }),
          trendWeek(WEEK, { solved: 31 }),
          trendWeek(FOR_WEEK, { solved: 90 }),
        ],
      }),
    );
    expect(recap.kudos.map((k) => k.id)).toEqual(['early', 'late']);
    expect(recap.missions).toEqual([
      {
        id: 'done',
        title: 'Solve 40 tickets this week',
        status: 'completed',
        settledAt: '2026-03-27T16:00:00Z',
      },
    ]);
    expect(recap.personalBests).toEqual([{ metric: 'solved', value: 31, weekStart: WEEK, previous: 20 }]);
    expect(recap.weekStart).toBe(WEEK);
    expect(recap.id).toBe('recap:ana:2026-03-30');
  });

  it('says "first weeks" until there are two weeks of the agent’s own history, then compares', () => {
    const newcomer = recapOf(input({ events: [solved('T1', 'ana', '2026-03-24T09:00:00Z')] }));
    expect(newcomer.solved).toEqual({ value: 1, usual: null, change: 'first_weeks' });
    const week = (monday: string, n: number) =>
      Array.from({ length: n }, (_, i) => solved(`${monday}-${i}`, 'ana', `${monday}T09:0${i % 10}:00Z`));
    const veteran = recapOf(
      input({
        events: [
          ...week('2026-03-03', 4),
          ...week('2026-03-10', 4),
          ...week('2026-03-17', 4),
          ...week('2026-03-24', 8),
        ],
      }),
    );
    expect(veteran.solved).toEqual({ value: 8, usual: 4, change: 'above_usual' });
  });
});
