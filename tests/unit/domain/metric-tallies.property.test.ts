import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  eventKey,
  streakTallies,
  weekWindowOf,
  type HelpdeskEvent,
  type TimeWindow,
} from '../../../shared/domain';
import {
  applyCredits,
  metricsFromTallies,
  talliesFromEvents,
  ticketCredits,
  type AgentDayTally,
} from '../../../shared/domain/metric-tallies';
import { streakTalliesFromTallies } from '../../../shared/domain/streak-tallies';
import { arbSchedule } from './arbitraries';
import { assigned, call, created, mission, qa, rated, reopened, replied, solved } from './fixtures';

const START = Date.parse('2026-02-28T00:00:00Z');
const SPAN_MIN = 11 * 24 * 60;
const AGENTS = ['ana', 'ben', 'cy'];
const ZONES = ['UTC', 'America/Chicago', 'Asia/Kolkata', 'Pacific/Auckland'];
const at = (minute: number) => new Date(START + minute * 60_000).toISOString();

/** Activity of three agents on a few shared tickets (first replies, solves, ratings and reopens by anyone). */
const arbEvents: fc.Arbitrary<HelpdeskEvent[]> = fc
  .array(
    fc.record({
      kind: fc.integer({ min: 0, max: 8 }),
      ticket: fc.integer({ min: 0, max: 5 }),
      agent: fc.constantFrom(...AGENTS),
      // Coarse minutes make same-instant ties (resolved by idempotency key) common.
      minute: fc.oneof(
        fc.integer({ min: 0, max: SPAN_MIN }),
        fc.integer({ min: 0, max: 11 }).map((m) => m * 1320),
      ),
      flag: fc.boolean(),
      n: fc.integer({ min: 0, max: 100 }),
    }),
    { maxLength: 70 },
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
        case 7:
          return assigned(t, agent, at(minute), o);
        default:
          return replied(t, agent, at(minute), true, o);
      }
    }),
  );

const arbZones = fc.tuple(...AGENTS.map(() => fc.constantFrom(...ZONES)));
const zonesOf = (zones: string[]) => (agentId: string) => zones[AGENTS.indexOf(agentId)];

/** Arbitrary half-open windows over the span, and whole local weeks. */
const arbWindow: fc.Arbitrary<TimeWindow> = fc.oneof(
  fc
    .tuple(fc.integer({ min: -60, max: SPAN_MIN + 60 }), fc.integer({ min: 1, max: SPAN_MIN }))
    .map(([a, len]) => ({ from: at(a), to: at(a + len) })),
  fc
    .tuple(fc.constantFrom('2026-02-23', '2026-03-02', '2026-03-09'), fc.constantFrom(...ZONES))
    .map(([week, tz]) => weekWindowOf(week, tz)),
);

const arbMin = fc
  .integer({ min: 1, max: 3 })
  .map((m) => ({ frt: m, csat: m, resolution: m, reopen: m, aht: m, qa: m }));

const sortedTallies = (m: Map<string, AgentDayTally>) =>
  [...m.values()]
    .map((t) => ({
      ...t,
      tickets: Object.fromEntries(Object.entries(t.tickets).sort(([a], [b]) => (a < b ? -1 : 1))),
    }))
    .sort((a, b) => (a.agentId + a.day < b.agentId + b.day ? -1 : 1));

describe('metric tallies', () => {
  it(
    'give exactly what computeMetrics gives over the raw events, for any window and zone',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          arbEvents,
          arbZones,
          arbWindow,
          fc.constantFrom(...AGENTS),
          arbMin,
          (events, zones, window, agentId, minSamples) => {
            const tallies = talliesFromEvents(events, zonesOf(zones));
            const args = { agentId, window, timezone: zonesOf(zones)(agentId)!, minSamples };
            expect(metricsFromTallies({ ...args, tallies: tallies.values() })).toEqual(
              computeMetrics({ ...args, events }),
            );
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  it('give a team total exactly as computeMetrics does with agentIds', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        arbEvents,
        arbZones,
        arbWindow,
        fc.subarray(AGENTS, { minLength: 1 }),
        (events, zones, window, team) => {
          const tallies = talliesFromEvents(events, zonesOf(zones));
          const args = { agentId: 'team:x', agentIds: team, window, timezone: 'UTC' };
          expect(metricsFromTallies({ ...args, tallies: tallies.values() })).toEqual(
            computeMetrics({ ...args, events }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it(
    'maintained batch by batch from the new events, in any order, with duplicates and late arrivals, equal tallies from scratch',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          arbEvents.chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray([...events, ...events.slice(0, 10).map((e) => ({ ...e }))], {
                minLength: events.length + Math.min(10, events.length),
                maxLength: events.length + Math.min(10, events.length),
              }),
              fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
            ),
          ),
          arbZones,
          arbWindow,
          ([events, arrivals, sizes], zones, window) => {
            const tz = zonesOf(zones);
            // What the store holds: one event per idempotency key, the first to arrive.
            const stored = new Map<string, HelpdeskEvent>();
            const tallies = new Map<string, AgentDayTally>();
            let i = 0;
            for (let b = 0; i < arrivals.length; b++) {
              const batch = arrivals.slice(i, i + (sizes[b % sizes.length] ?? 1));
              i += batch.length;
              const fresh = batch.filter((e) => !stored.has(eventKey(e)) && stored.set(eventKey(e), e));
              const tickets = new Set(fresh.map((e) => e.ticketId));
              const ofTickets = (list: Iterable<HelpdeskEvent>) =>
                [...list].filter((e) => tickets.has(e.ticketId));
              const freshKeys = new Set(fresh.map(eventKey));
              const before = ticketCredits(
                ofTickets([...stored.values()].filter((e) => !freshKeys.has(eventKey(e)))),
                tz,
              );
              applyCredits(tallies, before, ticketCredits(ofTickets(stored.values()), tz));
            }
            expect(sortedTallies(tallies)).toEqual(sortedTallies(talliesFromEvents(events, tz)));
            for (const agentId of AGENTS) {
              const args = { agentId, window, timezone: 'UTC' };
              expect(metricsFromTallies({ ...args, tallies: tallies.values() })).toEqual(
                computeMetrics({ ...args, events }),
              );
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it(
    'give the streak tallies (daily goals and guardrail-broken days) that streakTallies gives over raw events',
    { timeout: 60_000 },
    () => {
      const guarded = (start: number, len: number, created: number, threshold: number) =>
        mission({
          metric: 'frtAvgMinutes',
          comparator: 'atMost',
          target: 30,
          minSample: 1,
          window: { start: at(start), end: at(start + len) },
          createdAt: at(created),
          guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold }],
        });
      const arbMission = fc
        .tuple(
          fc.integer({ min: 0, max: SPAN_MIN }),
          fc.integer({ min: 60, max: SPAN_MIN }),
          fc.integer({ min: 0, max: SPAN_MIN }),
          fc.integer({ min: 30, max: 100 }),
        )
        .map(([s, l, c, t]) => guarded(s, l, c, t));
      fc.assert(
        fc.property(
          arbEvents,
          fc.constantFrom(...ZONES),
          arbSchedule,
          fc.array(arbMission, { maxLength: 2 }),
          (events, zone, schedule, missions) => {
            const tz = () => zone;
            const input = { agentId: 'ana', missions, timezone: zone, schedule, minSamples: { csat: 1 } };
            const fromTallies = streakTalliesFromTallies({
              ...input,
              tallies: [...talliesFromEvents(events, tz).values()],
            });
            expect(fromTallies).toEqual(streakTallies({ ...input, events }));
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
