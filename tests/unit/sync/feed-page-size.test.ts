import { describe, expect, it } from 'vitest';
import { FEED_PAGE_MAX, FEED_PAGE_MAX_BEFORE } from '../../../shared/api/feed';
import { createServerApi, SyncRequestError } from '../../../shared/sync';

/** A server that takes feed pages of at most `max` entries, as the route's FeedQuery does (400 above it). */
function serverTaking(max: number) {
  const asked: number[] = [];
  const api = createServerApi(
    async (url) => {
      const limit = Number(new URL(url).searchParams.get('limit'));
      asked.push(limit);
      if (limit > max)
        return {
          ok: false,
          status: 400,
          text: async () =>
            JSON.stringify({ error: 'invalid', message: `limit: at most ${max}`, issues: [] }),
        };
      return {
        ok: true,
        status: 200,
        text: async () => JSON.stringify({ entries: [], cursor: 7, hasMore: false }),
      };
    },
    'http://127.0.0.1:1',
    'sk_token',
  );
  return { api, asked };
}

describe('feed page size against servers of other versions', () => {
  it('asks a current server for the largest page', async () => {
    const { api, asked } = serverTaking(FEED_PAGE_MAX);
    expect(await api.getFeed(0, FEED_PAGE_MAX)).toMatchObject({ cursor: 7, hasMore: false });
    expect(asked).toEqual([FEED_PAGE_MAX]);
  });

  it('falls back to the older largest page once an older server refuses, and stays there', async () => {
    const { api, asked } = serverTaking(FEED_PAGE_MAX_BEFORE);
    expect(await api.getFeed(0, FEED_PAGE_MAX)).toMatchObject({ cursor: 7 });
    expect(await api.getFeed(7, FEED_PAGE_MAX)).toMatchObject({ cursor: 7 });
    expect(asked).toEqual([FEED_PAGE_MAX, FEED_PAGE_MAX_BEFORE, FEED_PAGE_MAX_BEFORE]);
  });

  it('passes on a refusal it cannot answer by asking for less', async () => {
    const { api, asked } = serverTaking(100);
    await expect(api.getFeed(0, FEED_PAGE_MAX)).rejects.toBeInstanceOf(SyncRequestError);
    await expect(api.getFeed(0, 2_000)).rejects.toMatchObject({ status: 400 });
    expect(asked).toEqual([FEED_PAGE_MAX, FEED_PAGE_MAX_BEFORE, 2_000]);
  });
});
