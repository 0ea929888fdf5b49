import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, type HelpdeskEvent } from '../../../shared/domain';
import { call, created, qa, rated, reopened, replied, solved } from './fixtures';

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
  it('are independent of arrival order and of duplicates', { timeout: 30_000 }, () => {
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

  it('are independent of any permutation', { timeout: 30_000 }, () => {
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

  it(
    'when re-delivered copies of a key differ, which one counts does not depend on arrival order',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(
          arbEvents,
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: -3000, max: 3000 })), {
            minLength: 1,
            maxLength: 10,
          }),
          (events, edits) => {
            fc.pre(events.length > 0);
            // A vendor re-sends an event under the same id with a corrected instant.
            const variants = edits.map(([i, shift]) => {
              const e = events[i % events.length]!;
              return { ...e, at: new Date(Date.parse(e.at) + shift * 60_000).toISOString() };
            });
            const args = {
              agentId: 'ana',
              window,
              timezone: 'UTC',
              minSamples: { frt: 1, csat: 1, resolution: 1, reopen: 1, aht: 1, qa: 1 },
            };
            const one = computeMetrics({ ...args, events: [...events, ...variants] });
            const other = computeMetrics({
              ...args,
              events: [...variants].reverse().concat([...events].reverse()),
            });
            expect(other).toEqual(one);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
