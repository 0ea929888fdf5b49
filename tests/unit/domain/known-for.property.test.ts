import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownFor } from '../../../shared/domain/known-for';
import { KudosValue, type Kudos } from '../../../shared/domain/people-model';

const kudos = (
  id: string,
  value: KudosValue,
  at: string,
  message: string,
  extra: Partial<Kudos> = {},
): Kudos => ({
  id,
  kind: 'peer',
  fromPersonId: 'p-jonas',
  fromName: 'Jonas Weber',
  toPersonId: 'p-maya',
  toName: 'Maya Okafor',
  message,
  value,
  ticketId: null,
  ticketUrl: null,
  customerQuote: null,
  at,
  thankedAt: null,
  readAt: null,
  ...extra,
});

describe('what a person is known for', () => {
  it('ranks the values named most, with the latest words said for each', () => {
    const inbox = [
      kudos('a', 'Empathy', '2026-03-01T10:00:00Z', 'Calm with the angry caller.'),
      kudos('b', 'Ownership', '2026-03-02T10:00:00Z', 'Took the refund to the end.'),
      kudos('c', 'Empathy', '2026-03-05T10:00:00Z', '', {
        kind: 'customer',
        fromName: 'A customer',
        customerQuote: 'She listened.',
      }),
      kudos('d', 'Speed', '2026-03-06T10:00:00Z', 'Fast!'),
      kudos('e', 'Ownership', '2026-03-07T10:00:00Z', 'Owned the outage follow-ups.'),
      kudos('f', 'Empathy', '2026-03-08T10:00:00Z', ''),
    ];
    expect(knownFor(inbox)).toEqual([
      {
        value: 'Empathy',
        count: 3,
        words: { text: 'She listened.', from: 'A customer', at: '2026-03-05T10:00:00Z' },
      },
      {
        value: 'Ownership',
        count: 2,
        words: { text: 'Owned the outage follow-ups.', from: 'Jonas Weber', at: '2026-03-07T10:00:00Z' },
      },
      { value: 'Speed', count: 1, words: { text: 'Fast!', from: 'Jonas Weber', at: '2026-03-06T10:00:00Z' } },
    ]);
    expect(knownFor([])).toEqual([]);
  });

  const arbitraryKudos = fc
    .record({
      id: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8'),
      value: fc.constantFrom(...KudosValue.options),
      day: fc.integer({ min: 1, max: 28 }),
      message: fc.constantFrom('', 'Thanks!', 'Saved the day.'),
    })
    .map((r) => kudos(r.id, r.value, `2026-02-${String(r.day).padStart(2, '0')}T12:00:00Z`, r.message));
  // One kudos per id, as the server would send it (the same id never carries two different values).
  const inboxes = fc.uniqueArray(arbitraryKudos, { selector: (k) => k.id, maxLength: 8 });

  it('does not depend on the order kudos arrive in, nor on duplicates', () => {
    const withShuffle = inboxes.chain((inbox) =>
      fc.tuple(
        fc.constant(inbox),
        fc.shuffledSubarray(inbox, { minLength: inbox.length, maxLength: inbox.length }),
      ),
    );
    fc.assert(
      fc.property(withShuffle, ([inbox, shuffled]) => {
        expect(knownFor(shuffled)).toEqual(knownFor(inbox));
        expect(knownFor([...inbox, ...shuffled])).toEqual(knownFor(inbox));
      }),
    );
  });

  it('counts every kudos once and never more values than asked for', () => {
    fc.assert(
      fc.property(inboxes, fc.integer({ min: 1, max: 8 }), (inbox, limit) => {
        const top = knownFor(inbox, limit);
        expect(top.length).toBeLessThanOrEqual(limit);
        for (const entry of top)
          expect(entry.count).toBe(inbox.filter((k) => k.value === entry.value).length);
        for (let i = 1; i < top.length; i++) expect(top[i - 1]!.count).toBeGreaterThanOrEqual(top[i]!.count);
      }),
    );
  });
});
