import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, metricEventsFor, type HelpdeskEvent } from '../../../shared/domain';
import { assigned, call, created, qa, rated, reopened, replied, solved } from './fixtures';

const AGENTS = ['ana', 'ben', 'cai'] as const;
const START = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const ALL_MIN = { frt: 1, resolution: 1, csat: 1, qa: 1, reopen: 1, aht: 1 };

/** Arbitrary activity of three agents on a few shared tickets over three weeks, one event per idempotency key. */
const arbEvents: fc.Arbitrary<HelpdeskEvent[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(
        'created',
        'assigned',
        'public',
        'internal',
        'solved',
        'reopened',
        'rated',
        'qa',
        'call',
      ),
      ticket: fc.integer({ min: 0, max: 3 }),
      agent: fc.constantFrom(...AGENTS),
      agentless: fc.boolean(),
      hour: fc.integer({ min: 0, max: 21 * 24 - 1 }),
      good: fc.boolean(),
    }),
    { minLength: 4, maxLength: 60, size: 'large' },
  )
  .map((list) =>
    list.map((e, i) => {
      const t = `t${e.ticket}`;
      const at = new Date(START + e.hour * HOUR).toISOString();
      const o = { id: `e${i}` };
      switch (e.kind) {
        case 'created':
          return created(t, at, o);
        case 'assigned':
          return assigned(t, e.agent, at, o);
        case 'public':
          return replied(t, e.agent, at, true, o);
        case 'internal':
          return replied(t, e.agent, at, false, o);
        case 'solved':
          return solved(t, e.agent, at, o);
        case 'reopened':
          return reopened(t, at, e.agentless ? undefined : e.agent, o);
        case 'rated':
          return rated(t, e.agent, at, e.good, {}, o);
        case 'qa':
          return qa(t, e.agent, at, e.good ? 95 : 60, o);
        default:
          return call(t, e.agent, at, 300, e.good ? 0 : 60, 45, o);
      }
    }),
  );
const arbWindow = fc
  .tuple(fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 1, max: 21 * 24 }))
  .map(([from, len]) => ({
    from: new Date(START + from * HOUR).toISOString(),
    to: new Date(START + (from + len) * HOUR).toISOString(),
  }));
const arbMembers = fc.subarray([...AGENTS], { minLength: 1 });

const metricsOf = (
  events: readonly HelpdeskEvent[],
  agentIds: string[],
  window: { from: string; to: string },
) =>
  computeMetrics({
    agentId: agentIds.join('+'),
    agentIds,
    events,
    window,
    timezone: 'UTC',
    minSamples: ALL_MIN,
  });

describe('metricEventsFor: the events a metric needs', () => {
  it(
    'gives the same metrics as every event there is, for any agents, tickets and window',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(arbEvents, arbWindow, arbMembers, (events, window, agentIds) => {
          const needed = metricEventsFor({ agentIds, window, events });
          expect(metricsOf(needed, agentIds, window)).toEqual(metricsOf(events, agentIds, window));
        }),
        { numRuns: 500 },
      );
    },
  );

  it(
    'any superset gives the same metrics too, and so does the set of a wider window',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          arbEvents,
          arbWindow,
          arbMembers,
          fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
          (events, wide, agentIds, extra) => {
            const needed = metricEventsFor({ agentIds, window: wide, events });
            const more = [...needed, ...events.filter((e, i) => extra[i] && !needed.includes(e))];
            expect(metricsOf(more, agentIds, wide)).toEqual(metricsOf(events, agentIds, wide));
            // A narrower window (e.g. one week of a trend, or a mission up to a day) from the wide window's set.
            const mid = new Date((Date.parse(wide.from) + Date.parse(wide.to)) / 2).toISOString();
            expect(metricsOf(needed, agentIds, { from: wide.from, to: mid })).toEqual(
              metricsOf(events, agentIds, { from: wide.from, to: mid }),
            );
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
