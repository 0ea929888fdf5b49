import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../shared/api/routes';
import { FEED_PAGE_MAX, LIVE_RECONNECT_CLOSE_CODE, type FeedPage } from '../../../shared/api/feed';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { SessionLock } from '../../../server/src/store/session-lock';
import { ADMIN_TOKEN, TEST_NOW, apiFor, type Api } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';
import { LiveClient } from '../server/helpers/live-client';
import { freshSchema, requireDatabaseUrl, terminateListeners } from './support';

/**
 * Two server instances in this process on one PostgreSQL schema, each with its own pool, LISTEN connection and
 * scheduler lock, exactly as two processes would have: what one writes reaches the sockets of the other.
 */
describe('several instances on one PostgreSQL schema (LISTEN/NOTIFY feed bus)', () => {
  const base = requireDatabaseUrl();
  const db = freshSchema(base);
  let a: RunningServer;
  let b: RunningServer;
  let apiA: Api;
  let apiB: Api;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  const start = () =>
    startServer({ databaseUrl: db.url, adminToken: ADMIN_TOKEN, port: 0, scheduler: false, now: TEST_NOW });

  beforeAll(async () => {
    a = await start();
    b = await start();
    apiA = apiFor(a.url);
    apiB = apiFor(b.url);
    team = await standardTeam(apiA);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db.drop();
  });

  // The daily peer-kudos cap is per sender, so the tests spread their kudos over senders.
  const kudos = (api: Api, message: string, from: 'ana' | 'supervisor' = 'ana') =>
    api('POST', apiRoutes.sendKudos.path, {
      token: team[from].token,
      body: { toPersonId: team.ben.id, value: 'Empathy', message },
      headers: { 'idempotency-key': key() },
    });

  const openAt = async (server: RunningServer, token: string) => {
    const live = await LiveClient.open(server.url, { token, after: 0 });
    await live.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    const hello = live.messages.find((m) => m.kind === 'hello');
    const cursor = hello?.kind === 'hello' ? hello.cursor : 0;
    await live.waitFor((c) => c.entries().length >= cursor, 5_000);
    return live;
  };

  const expectContiguous = (live: LiveClient) => {
    const seqs = live.entries().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  };

  it('both instances are ready, on the PostgreSQL bus', async () => {
    for (const api of [apiA, apiB]) {
      const r = await api<{ ok: boolean; bus: string }>('GET', '/readyz', { token: null });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, bus: 'postgres', draining: false, reason: null });
    }
  });

  it('a kudos written through B reaches Ben’s socket on A once, in order', async () => {
    const ben = await openAt(a, team.ben.token);
    expect((await kudos(apiB, 'Sent through B')).status).toBe(200);
    await ben.waitFor(
      (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === 'Sent through B'),
      5_000,
    );
    expectContiguous(ben);
    ben.close();
  });

  it('a team kudos through B reaches every teammate, wherever their socket is', async () => {
    const ana = await openAt(a, team.ana.token);
    const ben = await openAt(b, team.ben.token);
    const sent = await apiB('POST', `/api/supervisor/teams/${team.teamId}/kudos`, {
      token: team.supervisor.token,
      body: { value: 'Teamwork', message: 'Whole team, both instances' },
      headers: { 'idempotency-key': key() },
    });
    expect(sent.status).toBe(201);
    for (const live of [ana, ben]) {
      await live.waitFor(
        (c) =>
          c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message.startsWith('Whole team')),
        5_000,
      );
      expectContiguous(live);
      live.close();
    }
  });

  it('a team kudos through B arrives once, in order, whole, live on A and B as in a catch-up page', async () => {
    const members = [team.ana, team.ben];
    // Ana's socket on A hears it through NOTIFY (entries read back from the store), Ben's on B in-process.
    const lives = [await openAt(a, team.ana.token), await openAt(b, team.ben.token)];
    const message = 'Shared once, whole for everyone';
    const sent = await apiB('POST', `/api/supervisor/teams/${team.teamId}/kudos`, {
      token: team.supervisor.token,
      body: { value: 'Teamwork', message },
      headers: { 'idempotency-key': key() },
    });
    expect(sent.status).toBe(201);
    for (const [i, live] of lives.entries()) {
      const member = members[i] as (typeof members)[number];
      const page = (
        await apiA<FeedPage>('GET', `/api/me/feed?after=0&limit=${FEED_PAGE_MAX}`, { token: member.token })
      ).body;
      await live.waitFor((c) => c.entries().length >= page.cursor, 5_000);
      expectContiguous(live);
      expect(live.entries()).toEqual(page.entries);
      const kudos = page.entries.flatMap((e) =>
        e.type === 'kudos.upserted' && e.payload.message === message ? [e.payload] : [],
      );
      expect(kudos).toHaveLength(1);
      expect(kudos[0]).toMatchObject({ toPersonId: member.id, fromPersonId: team.supervisor.id });
      const types = page.entries.slice(-4).map((e) => e.type);
      expect(types).toEqual(['kudos.upserted', 'timeline.added', 'celebration', 'growth.updated']);
      live.close();
    }
  });

  it('after its LISTEN connection is terminated, A reconnects and its sessions miss nothing', async () => {
    const ben = await openAt(a, team.ben.token);
    expect(await terminateListeners(base, db.schema)).toBeGreaterThanOrEqual(2);
    // Written while A may not be listening: the notifications of these commits can be lost on A.
    for (let i = 0; i < 4; i++)
      expect((await kudos(apiB, `During the cut ${i}`, 'supervisor')).status).toBe(200);
    await ben.waitFor(
      (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === 'During the cut 3'),
      10_000,
    );
    expect((await kudos(apiB, 'After the cut')).status).toBe(200);
    await ben.waitFor(
      (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === 'After the cut'),
      10_000,
    );
    expectContiguous(ben);
    const ready = await apiA<{ ok: boolean }>('GET', '/readyz', { token: null });
    expect(ready.body.ok).toBe(true);
    ben.close();
  });

  it('draining closes live sockets with the reconnect code and turns /readyz to 503', async () => {
    const c = await start();
    try {
      const ben = await openAt(c, team.ben.token);
      c.ctx.lifecycle.drain();
      expect((await ben.closed).code).toBe(LIVE_RECONNECT_CLOSE_CODE);
      expect(ben.messages.some((m) => m.kind === 'error' && m.error === 'reconnect')).toBe(true);
      const ready = await apiFor(c.url)<{ ok: boolean; draining: boolean }>('GET', '/readyz', {
        token: null,
      });
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ok: false, draining: true });
    } finally {
      await c.close();
    }
  });

  it('one scheduler lock holder at a time, taken over when the holder’s session ends', async () => {
    const sessionUrl = a.ctx.store.sessionUrl ?? '';
    const name = `sidekick-scheduler:${db.schema}-test`;
    const first = new SessionLock(sessionUrl, name, 'sidekick-lock-test');
    const second = new SessionLock(sessionUrl, name, 'sidekick-lock-test');
    try {
      expect(await first.tryHold()).toBe(true);
      expect(await second.tryHold()).toBe(false);
      expect(await first.tryHold()).toBe(true);
      await first.close(); // as when the holding process dies: its session ends
      expect(await second.tryHold()).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
