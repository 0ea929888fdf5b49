import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_END, type FeedPage } from '../../../shared/api/feed';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';
import { LiveClient } from '../server/helpers/live-client';
import { syncClient, waitFor } from '../sync/support';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';
import { sleep } from './support/waits';

/**
 * Issue 12 item 11: a client whose cursor is ahead of the server's feed (the store was restored from a backup,
 * or failed over to a replica behind it) was answered "nothing new", and every new entry, whose seq it thought
 * it had, was dropped without a word. The feed answers 409 `cursor_ahead`, the live socket ends with it, and the
 * sync client starts over from a snapshot and receives what comes next.
 */
describe.each(DIALECTS)('a cursor ahead of the server ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, { config: { heartbeatMs: 1_000 } });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const kudosTo = (toPersonId: string, message: string) =>
    t.api('POST', apiRoutes.sendKudos.path, {
      token: team.supervisor.token,
      body: { toPersonId, value: 'Teamwork', message },
      headers: { 'idempotency-key': key() },
    });
  const head = async (personId: string) =>
    Number(
      (
        await t.server.ctx.store.db
          .selectFrom('feed_heads')
          .select('seq')
          .where('person_id', '=', personId)
          .executeTakeFirst()
      )?.seq ?? 0,
    );

  /** What a restore from an older backup does to one person's feed: the last `n` entries are gone. */
  async function restoreOlderFeed(personId: string, n: number): Promise<number> {
    const db = t.server.ctx.store.db;
    const to = (await head(personId)) - n;
    await db.deleteFrom('feed').where('person_id', '=', personId).where('seq', '>', to).execute();
    await db.updateTable('feed_heads').set({ seq: to }).where('person_id', '=', personId).execute();
    return to;
  }

  it('answers a feed request past the head with 409 cursor_ahead, and a live socket with the resync code', async () => {
    const h = await head(team.ana.id);
    const page = await t.api<{ error: string; message: string }>('GET', `/api/me/feed?after=${h + 5}`, {
      token: team.ana.token,
    });
    expect(page.status).toBe(409);
    expect(page.body.error).toBe(LIVE_END.cursorAhead.error);
    expect(page.body.message).toContain(String(h));
    expect((await t.api<FeedPage>('GET', `/api/me/feed?after=${h}`, { token: team.ana.token })).status).toBe(
      200,
    );
    const socket = await LiveClient.open(t.url, { token: team.ana.token, after: h + 5 });
    const closed = await Promise.race([socket.closed, sleep(5_000).then(() => ({ code: -1 }))]);
    expect(closed.code).toBe(LIVE_END.cursorAhead.closeCode);
    expect(socket.messages).toEqual([expect.objectContaining({ kind: 'error', error: 'cursor_ahead' })]);
  });

  it('the sync client resyncs from a snapshot after a restore and receives the next kudos', async () => {
    for (let i = 0; i < 3; i++)
      expect((await kudosTo(team.ben.id, `Before the restore #${i}`)).status).toBe(200);
    const storage = new MemoryStorage();
    const first = syncClient(t.url, team.ben.token, storage);
    await first.client.start();
    await waitFor(() => first.client.getState().connection === 'online', 10_000, 'first client online');
    const cursorBefore = first.client.getState().snapshot?.cursor ?? 0;
    expect(cursorBefore).toBe(await head(team.ben.id));
    first.client.stop();

    const restoredHead = await restoreOlderFeed(team.ben.id, 2);
    // The companion starts again from its cache, whose cursor is now ahead of the server.
    const again = syncClient(t.url, team.ben.token, storage);
    await again.client.start();
    await waitFor(
      () =>
        again.client.getState().connection === 'online' &&
        again.client.getState().snapshot?.cursor === restoredHead,
      10_000,
      'the client back on the server’s feed',
    );
    expect((await kudosTo(team.ben.id, 'After the restore')).status).toBe(200);
    await waitFor(
      () =>
        again.client.getState().snapshot?.kudos.inbox.some((k) => k.message === 'After the restore') ?? false,
      5_000,
      'the kudos sent after the restore',
    );
    expect(again.client.getState().snapshot?.cursor).toBe(await head(team.ben.id));
    again.client.stop();
  });
});
