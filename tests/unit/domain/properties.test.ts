import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DailyGoal,
  HIGHER_IS_BETTER,
  computeMetrics,
  computeStreak,
  evaluateMission,
  generateOffers,
  shiftOn,
  type HelpdeskEvent,
  type MetricKey,
  type WeeklySchedule,
} from '../../../shared/domain';
import { call, created, metricsOf, mission, qa, rated, reopened, replied, solved } from './fixtures';

const WEEK_START = Date.parse('2026-03-02T00:00:00Z');
const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };
const AGENTS = ['ana', 'ben'];
const at = (minute: number) => new Date(WEEK_START - 2 * 86_400_000 + minute * 60_000).toISOString();

/** Random real-shaped activity on a handful of tickets, spanning the window's edges, each event with its own id. */
const arbEvents: fc.Arbitrary<HelpdeskEvent[]> = fc
  .array(
    fc.record({
      kind: fc.integer({ min: 0, max: 7 }),
      ticket: fc.integer({ min: 0, max: 6 }),
      agent: fc.constantFrom(...AGENTS),
      minute: fc.integer({ min: 0, max: 11 * 24 * 60 }),
      flag: fc.boolean(),
      n: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map(({ kind, ticket, agent, minute, flag, n }, i) => {
      const t = `T${ticket}`;
      const o = { id: `e${i}` };
      switch (kind) {
        case 0:
          return created(t, at(minute), o);
        case 1:
          return replied(t, agent, at(minute), flag, o);
        case 2:
          return solved(t, agent, at(minute), o);
        case 3:
          return reopened(t, at(minute), flag ? agent : undefined, o);
        case 4:
          return rated(t, agent, at(minute), flag, {}, o);
        case 5:
          return qa(t, agent, at(minute), n, o);
        case 6:
          return call(t, agent, at(minute), n * 7, n, n * 2, o);
        default:
          return replied(t, agent, at(minute), true, o);
      }
    }),
  );

describe('metrics invariants', () => {
  it('are independent of arrival order and of duplicates', () => {
    fc.assert(
      fc.property(
        arbEvents,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 3 }),
        (events, dupIdx, min) => {
          const args = {
            agentId: 'ana',
            window,
            timezone: 'America/Chicago',
            minSamples: { frt: min, csat: min, resolution: min, reopen: min, aht: min, qa: min },
          };
          const expected = computeMetrics({ ...args, events });
          const dups = events.length ? dupIdx.map((i) => ({ ...events[i % events.length]! })) : [];
          const messy = [...events, ...dups].reverse();
          expect(computeMetrics({ ...args, events: messy })).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('are independent of any permutation', () => {
    fc.assert(
      fc.property(
        arbEvents.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, shuffled]) => {
          const args = {
            agentId: 'ben',
            window,
            timezone: 'Europe/Warsaw',
            minSamples: { frt: 1, csat: 1, resolution: 1, reopen: 1, aht: 1, qa: 1 },
          };
          expect(computeMetrics({ ...args, events: shuffled })).toEqual(computeMetrics({ ...args, events }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

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
  it('is in [0, 1] and monotonic in the metric in the better direction', () => {
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

describe('streak invariants', () => {
  const shift = fc.constantFrom(
    { start: '09:00', end: '17:00' },
    { start: '22:00', end: '06:00' },
    { start: '06:00', end: '14:00' },
  );
  const arbSchedule: fc.Arbitrary<WeeklySchedule> = fc
    .tuple(fc.subarray(['1', '2', '3', '4', '5', '6', '7'] as const, { minLength: 1 }), shift)
    .map(([days, s]) => Object.fromEntries(days.map((d) => [d, s])) as WeeklySchedule);
  const dates = Array.from({ length: 42 }, (_, i) =>
    new Date(Date.parse('2026-03-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
  );
  const tally = fc.record({
    satisfied: fc.integer({ min: 0, max: 2 }),
    solved: fc.integer({ min: 0, max: 2 }),
    guardrailBroken: fc.boolean(),
  });

  it('is never broken by an unscheduled day, whatever happened on it', () => {
    fc.assert(
      fc.property(
        arbSchedule,
        fc.array(tally, { minLength: 42, maxLength: 42 }),
        fc.array(tally, { minLength: 42, maxLength: 42 }),
        fc.constantFrom('America/Chicago', 'Europe/Warsaw', 'Asia/Kolkata'),
        (schedule, a, noise, tz) => {
          const base = Object.fromEntries(dates.map((d, i) => [d, a[i]!]));
          // Same scheduled days, different (random) activity on every unscheduled day.
          const noisy = Object.fromEntries(
            dates.map((d, i) => [d, shiftOn(d, schedule) ? a[i]! : noise[i]!]),
          );
          const args = {
            schedule,
            absences: [],
            timezone: tz,
            goal: DailyGoal.parse({}),
            from: dates[0]!,
            now: '2026-04-10T12:00:00Z',
            recentDays: 60,
          };
          const s = computeStreak({ ...args, tallies: base });
          expect(computeStreak({ ...args, tallies: noisy })).toEqual(s);
          // Walking the days: an 'off' day never resets the running count.
          let run = 0;
          for (const d of s.recent) {
            if (d.outcome === 'met') run++;
            if (d.outcome === 'missed') run = 0;
            if (d.outcome === 'off') expect(shiftOn(d.date, schedule)).toBeUndefined();
          }
          expect(s.current).toBe(run);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('offer invariants', () => {
  it('offers are never harder than the team’s top quartile', () => {
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
      { numRuns: 500 },
    );
  });
});
