import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ActionAck } from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { TeamOverview } from '../../../shared/api/supervisor';
import { generateWeeklyOffers } from '../../../server/src/engine/offers-job';
import { settleDueMissions } from '../../../server/src/engine/recompute';
import { createServerContext } from '../../../server/src/app/server-context';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { key } from './helpers/fixtures';
import { spawnServer, waitForExit } from './helpers/server-process';

const NOW = '2026-11-18T12:00:00Z'; // a Wednesday

describe.each(DIALECTS)('demo seed, weekly offers and settlement ($name)', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect, { demo: true, now: NOW });
  });
  afterAll(async () => t?.close());

  it('seeds Care Crew: a supervisor and six agents with tokens, history, missions, kudos and streaks', async () => {
    const tokens = t.server.demoTokens ?? [];
    expect(tokens.map((p) => p.role)).toEqual([
      'supervisor',
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
    ]);
    const ana = tokens[1]!;
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: ana.token });
    expect(state.status).toBe(200);
    expect(state.body.team?.name).toBe('Care Crew');
    expect(state.body.team?.members).toHaveLength(7);
    expect(state.body.missions.length).toBeGreaterThanOrEqual(2);
    expect(state.body.kudos.inbox.some((k) => k.kind === 'supervisor')).toBe(true);
    expect(state.body.kudos.inbox.some((k) => k.kind === 'customer')).toBe(true);
    expect(state.body.streak.longest).toBeGreaterThan(0);
    expect(state.body.trends.filter((w) => (w.solved ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    expect(state.body.growth.points).toBeGreaterThan(0);
    expect(state.body.cursor).toBeGreaterThan(0);
    const overview = await t.api<TeamOverview>('GET', `/api/teams/${state.body.team?.id}/overview`, {
      token: tokens[0]!.token,
    });
    expect(overview.body.members).toHaveLength(6);
    expect(overview.body.members.find((m) => m.name === 'Ana Silva')?.sharedProfile.length).toBeGreaterThan(
      0,
    );
  });

  it('is deterministic for a given `now` and seeding again only issues fresh tokens', async () => {
    const before = await t.server.ctx.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const { seedDemo } = await import('../../../server/src/demo/seed-demo');
    const again = await seedDemo(t.server.ctx);
    const after = await t.server.ctx.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(again.map((p) => p.id)).toEqual((t.server.demoTokens ?? []).map((p) => p.id));
    expect(again[0]?.token).not.toBe(t.server.demoTokens?.[0]?.token);
    // A restart with --demo revokes every token an earlier start printed: only the new ones sign in.
    for (const earlier of t.server.demoTokens ?? [])
      expect((await t.api('GET', '/api/me/state', { token: earlier.token })).status).toBe(401);
    for (const current of again)
      expect((await t.api('GET', '/api/me/state', { token: current.token })).status).toBe(200);
    t.server.demoTokens = again;
  });

  it('offers three missions a week to an agent with history, once, and accepting one makes it a mission', async () => {
    const felix = (t.server.demoTokens ?? []).find((p) => p.name === 'Felix Wagner')!;
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: felix.token });
    expect(state.body.offers.map((o) => o.kind).sort()).toEqual(['growth', 'steady', 'stretch']);
    expect(await generateWeeklyOffers(t.server.ctx)).toBe(0);
    const offer = state.body.offers[0]!;
    const k = key();
    const ack = await t.api<ActionAck>('POST', apiRoutes.acceptOffer.path, {
      token: felix.token,
      body: { offerId: offer.id },
      headers: { 'idempotency-key': k },
    });
    expect(ack.body.duplicate).toBe(false);
    const replay = await t.api<ActionAck>('POST', apiRoutes.acceptOffer.path, {
      token: felix.token,
      body: { offerId: offer.id },
      headers: { 'idempotency-key': k },
    });
    expect(replay.body).toEqual({ ...ack.body, duplicate: true });
    const after = await t.api<Snapshot>('GET', '/api/me/state', { token: felix.token });
    expect(after.body.offers).toEqual([]);
    const mission = after.body.missions.find((m) => m.mission.id === ack.body.id);
    expect(mission?.mission).toMatchObject({
      origin: 'offer',
      kind: offer.kind,
      status: 'active',
      title: offer.spec.title,
    });
    expect(after.body.missions.filter((m) => m.mission.origin === 'offer')).toHaveLength(1);
    const other = await t.api('POST', apiRoutes.acceptOffer.path, {
      token: felix.token,
      body: { offerId: state.body.offers[1]!.id },
      headers: { 'idempotency-key': key() },
    });
    expect(other.status).toBe(409);
  });

  // On PostgreSQL the two instances really race; SQLite has a single writer (two processes queue on its write
  // lock, and two connections in one process would block each other), so there the second runs after the first.
  it('generates each offer once when two server instances run the weekly job', async () => {
    const db = t.server.ctx.store.db;
    await db.deleteFrom('offers').where('status', '=', 'open').execute();
    await db.deleteFrom('job_runs').execute();
    const heads = await db.selectFrom('feed_heads').selectAll().execute();
    const second = await createServerContext({ ...t.storeOptions, adminToken: null, now: NOW });
    try {
      const [a, b] =
        dialect.name === 'postgres'
          ? await Promise.all([generateWeeklyOffers(t.server.ctx), generateWeeklyOffers(second)])
          : [await generateWeeklyOffers(t.server.ctx), await generateWeeklyOffers(second)];
      // Which instance wins each agent is up to the race (on a busy machine one may win them all).
      expect(a + b).toBeGreaterThan(0);
      const open = await db
        .selectFrom('offers')
        .select(['agent_id', 'id'])
        .where('status', '=', 'open')
        .execute();
      expect(a + b).toBe(open.length);
      expect(new Set(open.map((o) => o.id)).size).toBe(open.length);
      const perAgent = new Map<string, number>();
      for (const o of open) perAgent.set(o.agent_id, (perAgent.get(o.agent_id) ?? 0) + 1);
      expect([...perAgent.values()].every((n) => n === 3)).toBe(true);
      const replaced = await db
        .selectFrom('feed')
        .select(['person_id', 'seq'])
        .where('type', '=', 'offers.replaced')
        .execute();
      const since = new Map(heads.map((h) => [h.person_id, Number(h.seq)]));
      const fresh = replaced.filter((r) => Number(r.seq) > (since.get(r.person_id) ?? 0));
      expect(fresh.length).toBe(perAgent.size);
    } finally {
      await second.store.close();
    }
  });

  it('settles missions whose window has closed, once', async () => {
    const boss = t.server.demoTokens![0]!;
    const dev = t.server.demoTokens!.find((p) => p.name === 'Dev Patel')!;
    const end = new Date(t.server.ctx.clock().getTime() + 1500).toISOString();
    const res = await t.api<{ missionIds: string[] }>('POST', '/api/supervisor/missions', {
      token: boss.token,
      body: {
        agentIds: [dev.id],
        spec: {
          title: 'Solve 500 by the bell',
          metric: 'solved',
          comparator: 'atLeast',
          target: 500,
          window: { start: '2026-11-16T00:00:00Z', end },
        },
      },
    });
    expect(res.status).toBe(201);
    const id = res.body.missionIds[0];
    const running = await t.api<Snapshot>('GET', '/api/me/state', { token: dev.token });
    expect(running.body.missions.find((m) => m.mission.id === id)?.mission.status).toBe('active');
    await new Promise((r) => setTimeout(r, 1600));
    expect(await settleDueMissions(t.server.ctx)).toBe(1);
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: dev.token });
    expect(state.body.missions.find((m) => m.mission.id === id)?.mission.status).toBe('missed');
    const cursor = state.body.cursor;
    expect(await settleDueMissions(t.server.ctx)).toBe(0);
    expect((await t.api<Snapshot>('GET', '/api/me/state', { token: dev.token })).body.cursor).toBe(cursor);
  });
});

describe('the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'serve --demo writes the tokens file, serves, and exits cleanly on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const tokensFile = path.join(dir, 'tokens.json');
      const proc = await spawnServer(['--demo', '--data-dir', dir, '--demo-tokens-file', tokensFile]);
      const tokens = z
        .object({
          serverUrl: z.string(),
          people: z.array(
            z.object({ id: z.string(), name: z.string(), role: z.string(), token: z.string() }),
          ),
        })
        .parse(JSON.parse(fs.readFileSync(tokensFile, 'utf8')));
      expect(tokens.serverUrl).toBe(proc.url);
      expect(tokens.people).toHaveLength(7);
      expect(fs.statSync(tokensFile).mode & 0o077).toBe(0);
      const res = await fetch(`${proc.url}/api/me/state`, {
        headers: { authorization: `Bearer ${tokens.people[1]!.token}` },
      });
      expect(res.status).toBe(200);
      proc.child.kill('SIGTERM');
      expect(await waitForExit(proc.child)).toBe(0);
    },
  );
});
