import { describe, expect, it } from 'vitest';
import { checkFeedEntries, peekNextCursor } from '../../../shared/sync/feed-page-check';
import { SyncRequestError } from '../../../shared/sync/server-api';
import { kudosEntry, streakEntry } from './fixtures';

describe('feed page checks', () => {
  it('reads where the next page starts off the end of a page that has more, and nothing otherwise', () => {
    const page = (cursor: number, hasMore: boolean) =>
      JSON.stringify({ entries: [kudosEntry(cursor)], cursor, hasMore });
    expect(peekNextCursor(page(5004, true))).toBe(5004);
    expect(peekNextCursor(`${page(7, true)}\n`)).toBe(7);
    // The last page, another order of keys, a cursor inside an entry, text that is not a page: no hint.
    expect(peekNextCursor(page(10599, false))).toBeNull();
    expect(peekNextCursor(JSON.stringify({ hasMore: true, cursor: 3, entries: [] }))).toBeNull();
    expect(peekNextCursor('{"entries":[{"cursor":4,"hasMore":true}],"cursor":9,"hasMore":false}')).toBeNull();
    expect(peekNextCursor('Bad gateway')).toBeNull();
  });

  it('checks every entry against FeedEntry and names the first that is wrong', () => {
    const good = [kudosEntry(1), streakEntry(2, 3)];
    expect(checkFeedEntries(JSON.parse(JSON.stringify(good)) as unknown[])).toEqual(good);
    const bad = JSON.parse(JSON.stringify(good)) as { payload: Record<string, unknown> }[];
    bad[1]!.payload.current = 'three';
    expect(() => checkFeedEntries(bad)).toThrow(SyncRequestError);
    expect(() => checkFeedEntries(bad)).toThrow(/entry 1/);
    expect(() => checkFeedEntries([{ seq: 1, type: 'no.such.type', payload: {} }])).toThrow(/entry 0/);
  });
});
