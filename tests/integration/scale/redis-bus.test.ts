import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_END } from '../../../shared/api/feed';
import { apiRoutes } from '../../../shared/api/routes';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { createServerContext } from '../../../server/src/app/server-context';
import { ADMIN_TOKEN, TEST_NOW, apiFor, type Api } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';
import { LiveClient } from '../server/helpers/live-client';
import { eventually } from '../faults/support/waits';
import { freshSchema, requireDatabaseUrl } from './support';

/** Redis runs beside PostgreSQL on this machine and in CI; without it this file fails, loudly. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * SIDEKICK_FEED_BUS=redis: two server instances in this process on one PostgreSQL schema, each with its own
 * Redis publisher and subscriber. What one writes reaches the other's sockets, a revoke through one closes the
 * other's sockets, and after Redis drops the subscribers nothing is missed.
 */
describe('several instances on one PostgreSQL schema with the Redis feed bus', () => {
  const db = freshSchema(requireDatabaseUrl());
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let a: RunningServer;
  let b: RunningServer;
  let apiA: Api;
  let apiB: Api;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  const start = () =>
    startServer({
      databaseUrl: db.url,
      adminToken: ADMIN_TOKEN,
      port: 0,
      scheduler: false,
      now: TEST_NOW,
      config: { feedBus: 'redis', redisUrl: REDIS_URL },
    });

  beforeAll(async () => {
    await redis.connect();
    a = await start();
    b = await start();
    apiA = apiFor(a.url);
    apiB = apiFor(b.url);
    team = await standardTeam(apiA);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis.disconnect();
    await db.drop();
  });

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

  const got = (live: LiveClient, message: string) =>
    live.waitFor(
      (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === message),
      10_000,
    );

  const expectContiguous = (live: LiveClient) => {
    const seqs = live.entries().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  };

  it('is refused with a sentence on SQLite, or without SIDEKICK_REDIS_URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-redis-'));
    try {
      await expect(
        createServerContext({ dataDir, config: { feedBus: 'redis', redisUrl: REDIS_URL } }),
      ).rejects.toThrow('SIDEKICK_FEED_BUS=redis needs a PostgreSQL store (DATABASE_URL)');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    await expect(
      createServerContext({ databaseUrl: db.url, config: { feedBus: 'redis', redisUrl: null } }),
    ).rejects.toThrow('SIDEKICK_FEED_BUS=redis needs SIDEKICK_REDIS_URL');
  });

  it('both instances are ready, on the Redis bus', async () => {
    for (const api of [apiA, apiB]) {
      const r = await api<{ ok: boolean; bus: string }>('GET', '/readyz', { token: null });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, bus: 'redis', reason: null });
    }
  });

  it('a kudos and a team kudos written through B reach sockets on A and B once, in order', async () => {
    const ben = await openAt(a, team.ben.token);
    const ana = await openAt(b, team.ana.token);
    expect((await kudos(apiB, 'Through B over Redis')).status).toBe(200);
    await got(ben, 'Through B over Redis');
    const sent = await apiB('POST', `/api/supervisor/teams/${team.teamId}/kudos`, {
      token: team.supervisor.token,
      body: { value: 'Teamwork', message: 'Whole team over Redis' },
      headers: { 'idempotency-key': key() },
    });
    expect(sent.status).toBe(201);
    for (const live of [ben, ana]) {
      await got(live, 'Whole team over Redis');
      expectContiguous(live);
      live.close();
    }
  });

  it('a token revoked through A closes its socket on B with 4001, and B refuses it after', async () => {
    const device = (
      await apiA<{ id: string; token: string }>('POST', `/api/admin/people/${team.ana.id}/tokens`, {
        body: {},
      })
    ).body;
    const doomed = await openAt(b, device.token);
    let code: number | null = null;
    void doomed.closed.then((c) => (code = c.code));
    expect((await apiA('DELETE', `/api/admin/tokens/${device.id}`)).status).toBe(204);
    await eventually(() => code !== null, 1_000, 'the socket on B closed');
    expect(code).toBe(LIVE_END.signedOut.closeCode);
    const again = await LiveClient.open(b.url, { token: device.token, after: 0 });
    expect((await again.closed).code).toBe(1008);
    expect(again.messages.some((m) => m.kind === 'hello')).toBe(false);
  });

  it('after Redis drops the subscribers, they resubscribe and A’s sessions miss nothing', async () => {
    const ben = await openAt(a, team.ben.token);
    const list = String(await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const ours = list
      .split('\n')
      .filter((line) => line.includes(`name=sidekick-feed:${db.schema} `))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    for (const id of ours) await redis.call('CLIENT', 'KILL', 'ID', id);
    // Written while A may not be subscribed: these messages can be lost on A, never the entries.
    for (let i = 0; i < 3; i++)
      expect((await kudos(apiB, `During the drop ${i}`, 'supervisor')).status).toBe(200);
    await got(ben, 'During the drop 2');
    expect((await kudos(apiB, 'After the drop')).status).toBe(200);
    await got(ben, 'After the drop');
    expectContiguous(ben);
    await eventually(
      async () => (await apiA<{ ok: boolean }>('GET', '/readyz', { token: null })).body.ok,
      10_000,
      'A ready again',
    );
    ben.close();
  });
});
