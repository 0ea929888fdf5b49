import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFeedEntries, applyFeedEntry } from '../../../shared/sync';
import type { FeedEntry, Snapshot } from '../../../shared/api';
import { agentSnapshot, celebrationEntry, kudos, streakEntry } from './fixtures';

/**
 * The one-pass fold (applyFeedEntries) must give what folding the entries one at a time gives: same inbox and
 * timeline order (times with offsets, equal times, re-upserted ids), same in-place mission upserts, same
 * cursor, whatever the mix, order, repeats and replays of the entries. The model below is that one-at-a-time
 * fold written plainly (a copy of every list per entry), independent of the code under test.
 */
function modelFold(s: Snapshot, e: FeedEntry): Snapshot {
  if (e.seq <= s.cursor) return s;
  const next = { ...s, cursor: e.seq };
  switch (e.type) {
    case 'kudos.upserted':
      return { ...next, kudos: { ...s.kudos, inbox: modelNewestFirst(s.kudos.inbox, e.payload) } };
    case 'timeline.added':
      return { ...next, timeline: modelNewestFirst(s.timeline, e.payload) };
    case 'mission.upserted': {
      const i = s.missions.findIndex((m) => m.mission.id === e.payload.mission.id);
      const missions = [...s.missions];
      if (i === -1) missions.push(e.payload);
      else missions[i] = e.payload;
      return { ...next, missions };
    }
    case 'streak.updated':
      return { ...next, streak: e.payload };
    default:
      return next;
  }
}

/** After every item whose time is the same or later, found by scanning. */
function modelNewestFirst<T extends { id: string; at: string }>(items: readonly T[], item: T): T[] {
  const rest = items.filter((t) => t.id !== item.id);
  let i = 0;
  while (i < rest.length && Date.parse(rest[i]!.at) >= Date.parse(item.at)) i++;
  return [...rest.slice(0, i), item, ...rest.slice(i)];
}
const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const instant = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('Z', '+01:00', '-05:00'))
  .map(([hour, zone]) => `2026-11-20T1${hour}:00:00${zone}`);

const piece = fc.oneof(
  fc.record({ kind: fc.constant('kudos' as const), id: fc.constantFrom(...ids), at: instant }),
  fc.record({ kind: fc.constant('timeline' as const), id: fc.constantFrom(...ids), at: instant }),
  fc.record({ kind: fc.constant('mission' as const), id: fc.constantFrom(...ids), value: fc.nat(50) }),
  fc.record({ kind: fc.constant('streak' as const), value: fc.nat(30) }),
  fc.record({ kind: fc.constant('celebration' as const) }),
);
type Piece = typeof piece extends fc.Arbitrary<infer P> ? P : never;

function entryOf(p: Piece, seq: number): FeedEntry {
  const base = { seq, personId: 'p-ana', at: '2026-11-20T17:00:00Z' };
  switch (p.kind) {
    case 'kudos':
      return { ...base, type: 'kudos.upserted', payload: kudos(`k-${p.id}`, p.at, `seq ${seq}`) };
    case 'timeline':
      return {
        ...base,
        type: 'timeline.added',
        payload: {
          id: `t-${p.id}`,
          agentId: 'p-ana',
          at: p.at,
          kind: 'kudos_received',
          title: `seq ${seq}`,
          detail: null,
          points: 10,
          refId: null,
        },
      };
    case 'mission': {
      const m = agentSnapshot().missions[0]!;
      return {
        ...base,
        type: 'mission.upserted',
        payload: {
          ...m,
          mission: { ...m.mission, id: `m-${p.id}` },
          progress: { ...m.progress, value: p.value },
        },
      };
    }
    case 'streak':
      return streakEntry(seq, p.value);
    case 'celebration':
      return celebrationEntry(seq);
  }
}

describe('applyFeedEntries folds in one pass what applyFeedEntry folds one by one', () => {
  it('gives the same snapshot for any run, including replays and entries out of order', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: -3, max: 2 }), { maxLength: 40 }),
        (first, run, jitter) => {
          // A starting snapshot that already holds some kudos, timeline entries and missions (sorted as served).
          const start = first.map((p, i) => entryOf(p, i + 1)).reduce(modelFold, agentSnapshot());
          // Seqs mostly increase, with replays (at or below the cursor) and some out of order.
          const entries = run.map((p, i) => entryOf(p, first.length + 1 + i + (jitter[i] ?? 0)));
          const expected = entries.reduce(modelFold, start);
          expect(applyFeedEntries(start, entries)).toEqual(expected);
          expect(entries.reduce(applyFeedEntry, start)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns the very same snapshot when every entry is a replay', () => {
    const s = applyFeedEntries(agentSnapshot(), [streakEntry(1, 3), celebrationEntry(2)]);
    expect(applyFeedEntries(s, [streakEntry(1, 9), celebrationEntry(2)])).toBe(s);
  });
});
