import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/api/feed';
import { decodeNotice, encodeNotices, MAX_NOTICE_BYTES } from '../../../server/src/feed/feed-notice';

const entry = (personId: string, seq: number) =>
  ({
    personId,
    seq,
    at: '2026-03-11T12:00:00.000Z',
    type: 'celebration',
    payload: {},
  }) as unknown as FeedEntry;

describe('cross-instance feed notices', () => {
  it('name each person’s range once, and read back to the same ranges', () => {
    const [notice, ...rest] = encodeNotices('inst-a', [entry('p1', 4), entry('p2', 1), entry('p1', 5)]);
    expect(rest).toEqual([]);
    expect(decodeNotice(notice!)).toEqual({
      from: 'inst-a',
      ranges: [
        { personId: 'p1', after: 3, upTo: 5 },
        { personId: 'p2', after: 0, upTo: 1 },
      ],
    });
  });

  it('split a team kudos of 5,000 people into notices under PostgreSQL’s 8,000-byte limit, losing nobody', () => {
    const people = Array.from(
      { length: 5_000 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const notices = encodeNotices(
      'inst-a',
      people.map((p) => entry(p, 17)),
    );
    expect(notices.length).toBeGreaterThan(1);
    for (const n of notices) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(MAX_NOTICE_BYTES);
    const named = notices.flatMap((n) => decodeNotice(n)?.ranges.map((r) => r.personId) ?? []);
    expect(named).toEqual(people);
  });

  it('ignore a payload that is not a notice', () => {
    for (const bad of ['', 'x', '{}', '{"i":"a","p":[["p",1]]}', '{"i":"a","p":[[1,2,3]]}'])
      expect(decodeNotice(bad)).toBeNull();
  });
});
