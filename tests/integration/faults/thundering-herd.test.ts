import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_BACKOFF, type SyncClient } from '../../../shared/sync';
import { apiRoutes } from '../../../shared/api/routes';
import { request } from '../../../bench/lib/api';
import { seedTeam, mapLimit } from '../../../bench/lib/seed';
import { nodeSyncClient, waitForState, isLiveAt } from '../../../bench/lib/sync-clients';
import { startFaultServer, tempDataDir, queryStore, type FaultServer } from './support/fault-server';
import { eventually as waitFor, expectedRun } from './support/waits';
import { percentile } from '../../../bench/lib/stats';

/**
 * 200 desktops (20 agents on 10 devices each) are connected when the server restarts. They must come back
 * spread out by their backoff's jitter rather than all in the same instant, every one must converge on its
 * person's feed head, and none may apply an entry twice (or skip one).
 */
const AGENTS = 20;
const DEVICES = 10;
const dir = tempDataDir('herd');
let server: FaultServer | undefined;
const clients: SyncClient[] = [];
afterAll(async () => {
  for (const c of clients) c.stop();
  await server?.stop();
  dir.dispose();
});

const feedHead = (personId: string): number =>
  queryStore(
    dir.path,
    (db) =>
      (
        db.prepare('select seq from feed_heads where person_id = ?').get(personId) as
          { seq: number } | undefined
      )?.seq ?? 0,
  );

describe('thundering herd after a restart', () => {
  it('200 clients reconnect spread by backoff, converge on the head, and never apply an entry twice', async () => {
    server = await startFaultServer(dir.path);
    const team = await seedTeam(server.url, server.adminToken, { agents: AGENTS, name: 'Herd' });
    const devices = team.agents.flatMap((agent) => Array.from({ length: DEVICES }, () => agent));
    const applied: number[][] = devices.map(() => []);
    const backOnline: (number | null)[] = devices.map(() => null);
    const droppedAt: (number | null)[] = devices.map(() => null);
    let killedAt = Number.POSITIVE_INFINITY;
    devices.forEach((agent, i) => {
      // The desktop's own backoff (500 ms doubling, full jitter), its ceiling lowered from 30 s to 8 s so the
      // slowest reconnect stays within the test's time budget.
      const client = nodeSyncClient(server?.url ?? '', agent.token, {
        backoff: { ...DEFAULT_BACKOFF, maxMs: 8_000 },
      });
      client.onEntry((entry) => applied[i]?.push(entry.seq));
      client.subscribe((s) => {
        const now = Date.now();
        if (now < killedAt) return;
        if (s.connection !== 'online' && droppedAt[i] === null) droppedAt[i] = now;
        else if (s.connection === 'online' && droppedAt[i] !== null && backOnline[i] === null)
          backOnline[i] = now;
      });
      clients.push(client);
    });
    await Promise.all(clients.map((c) => c.start()));
    const before = await Promise.all(
      clients.map((c) => waitForState(c, (s) => s.connection === 'online', 30_000)),
    );
    const startCursors = before.map((s) => s.snapshot?.cursor ?? 0);

    killedAt = Date.now();
    server = await server.restart('stop');
    // Everyone lost the socket at the same moment; give them time to come back on their own schedule.
    await Promise.all(
      clients.map((_c, i) => waitFor(() => backOnline[i] !== null, 60_000, `device ${i} back online`)),
    );
    const times = backOnline.map((t) => (t ?? Number.NaN) - killedAt);
    expect(times.every((t) => Number.isFinite(t))).toBe(true);

    // Spread: the middle 80% of reconnects span a real interval, and no 100 ms slot holds half the herd.
    const spread = percentile(times, 90) - percentile(times, 10);
    expect(spread).toBeGreaterThan(200);
    const slots = new Map<number, number>();
    for (const t of times) slots.set(Math.floor(t / 100), (slots.get(Math.floor(t / 100)) ?? 0) + 1);
    expect(Math.max(...slots.values())).toBeLessThan(devices.length / 2);

    // New entries after the herd: a supervisor kudos to every agent.
    await mapLimit(team.agents, 4, async (agent) => {
      const reply = await request(server?.url ?? '', 'POST', apiRoutes.sendKudos.path, {
        token: team.supervisor.token,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          toPersonId: agent.id,
          value: 'Ownership',
          message: 'Thanks for staying calm through the outage.',
        },
      });
      expect(reply.status).toBe(200);
    });
    const heads = new Map(team.agents.map((a) => [a.id, feedHead(a.id)]));
    await Promise.all(
      clients.map((c, i) => waitForState(c, isLiveAt(heads.get(devices[i]?.id ?? '') ?? 0), 30_000)),
    );

    devices.forEach((agent, i) => {
      const head = heads.get(agent.id) ?? 0;
      const start = startCursors[i] ?? 0;
      // Same cursor as every other device of this person: the head.
      expect(clients[i]?.getState().snapshot?.cursor).toBe(head);
      // Each entry after its starting cursor applied exactly once, in order.
      expect(applied[i]).toEqual(expectedRun(applied[i] ?? [], start, head));
    });
  }, 150_000);
});
