import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_END, type FeedEntry } from '../../../shared/api/feed';
import { startSidekick, type SidekickProcess } from '../../../bench/lib/sidekick-server';
import { assertContiguous, syncClient } from '../sync/support';
import { LiveClient } from '../server/helpers/live-client';
import { FAULT_SUITE_NOW } from '../faults/support/fault-server';
import { eventually, sleep } from '../faults/support/waits';
import { freePort, haproxyBinary, startHaproxy, type Haproxy } from './haproxy';
import { freshSchema, requireDatabaseUrl, terminateListeners, withClient } from './support';

const AGENTS = 9;
const ADMIN = `sk_scale_admin_${randomUUID().replaceAll('-', '')}`;

type Client = ReturnType<typeof syncClient> & { id: string; token: string; handle: string; from: number };

/**
 * Three server processes on one PostgreSQL schema behind a round-robin HAProxy, as docs/running-several-instances.md
 * describes. Agents' companions (the real shared/sync client) connect through the proxy, so their live sockets
 * spread over the three; kudos, team kudos, missions and mission progress from ingest go through the proxy to
 * any instance. Mid-traffic one instance is killed with SIGKILL, the LISTEN connections are terminated, and
 * another instance is drained with SIGTERM. Every agent must end at their feed's head having applied every entry
 * once, in order, with no gap. Before the faults, a token revoked through one instance must close its sockets on
 * the other two (the feed bus carries the sign-out).
 */
describe('three instances behind HAProxy on one PostgreSQL schema', () => {
  const base = requireDatabaseUrl();
  haproxyBinary(); // fails the file at once, loudly, when haproxy is missing
  const db = freshSchema(base);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-scale-'));
  const ports: number[] = [];
  const instances: SidekickProcess[] = [];
  let proxy: Haproxy;
  const clients: Client[] = [];
  let teamId = '';
  let supervisorToken = '';
  const startedAt = Date.now();

  const startInstance = (port: number) =>
    startSidekick({
      dataDir,
      databaseUrl: db.url,
      port,
      adminToken: ADMIN,
      now: new Date(Date.parse(FAULT_SUITE_NOW) + (Date.now() - startedAt)).toISOString(),
      env: {
        SIDEKICK_HEARTBEAT_MS: '1000',
        SIDEKICK_AUTH_FAILURES_PER_MINUTE: '100000',
        SIDEKICK_TRUST_PROXY: '127.0.0.1',
      },
      // Three tsx processes starting on a loaded 2-core machine can take a while.
      timeoutMs: 180_000,
    });

  /**
   * One request through the proxy, retried with the same Idempotency-Key while the instance it reached is gone
   * (a reset connection, 502/503 from the proxy): a retried action happens once.
   */
  async function send(method: string, route: string, token: string, body?: unknown): Promise<unknown> {
    const key = randomUUID();
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`${proxy.url}${route}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(method === 'GET' ? {} : { 'idempotency-key': key }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (res.ok) return text ? JSON.parse(text) : null;
        if (res.status < 500) throw new Error(`${method} ${route}: ${res.status} ${text}`);
      } catch (error) {
        if (error instanceof Error && / [1-4]\d\d /.test(error.message)) throw error;
      }
      if (Date.now() > deadline) throw new Error(`${method} ${route}: no instance answered within 30 s`);
      await sleep(100);
    }
  }

  const socketsOn = async (instance: SidekickProcess): Promise<number> => {
    const res = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const m = /^sidekick_live_sockets (\d+)/m.exec(await res.text());
    return Number(m?.[1] ?? -1);
  };

  const allOnline = () => clients.every((c) => c.client.getState().connection === 'online');

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) ports.push(await freePort());
    // The first one migrates the fresh schema; the other two then start on it together.
    instances.push(await startInstance(ports[0]!));
    instances.push(...(await Promise.all(ports.slice(1).map((p) => startInstance(p)))));
    proxy = await startHaproxy(ports);
    // Wait until the proxy's health checks have every instance in rotation.
    await eventually(
      async () => (await fetch(`${proxy.url}/readyz`).catch(() => null))?.ok === true,
      20_000,
      'haproxy to route to the instances',
    );
    // Health checks bring every instance into rotation (rise 2 × 500 ms).
    await sleep(1_500);
    const team = (await send('POST', '/api/admin/teams', ADMIN, {
      name: 'Care Crew',
      timezone: 'Europe/Warsaw',
      dailyGoal: { minSatisfied: 1 },
    })) as { id: string };
    teamId = team.id;
    const person = async (name: string, role: string, handles: string[]) => {
      const p = (await send('POST', '/api/admin/people', ADMIN, {
        name,
        role,
        teamIds: [teamId],
        handles,
      })) as {
        id: string;
      };
      const t = (await send('POST', `/api/admin/people/${p.id}/tokens`, ADMIN, {})) as { token: string };
      return { id: p.id, token: t.token };
    };
    supervisorToken = (await person('Sam Lead', 'supervisor', [])).token;
    for (let i = 0; i < AGENTS; i++) {
      const handle = `zendesk:${700 + i}`;
      const agent = await person(`Agent ${i}`, 'agent', [handle]);
      clients.push({ ...syncClient(proxy.url, agent.token), ...agent, handle, from: 0 });
    }
    await Promise.all(clients.map((c) => c.client.start()));
    await eventually(allOnline, 30_000, 'every companion online through the proxy');
    for (const c of clients) c.from = (c.client.getState().snapshot?.cursor ?? 0) + 1;
  }, 480_000);

  afterAll(async () => {
    for (const c of clients) c.client.stop();
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const sentKudos: { to: number; message: string }[] = [];
  const teamMessages: string[] = [];
  let ticket = 0;

  /** One phase of traffic; `fault` runs once `faultAfter` operations are done, while the rest go on. */
  async function traffic(phase: string, fault: () => Promise<void>, faultAfter: number): Promise<void> {
    let done = 0;
    const tick = () => (done += 1);
    const peer = (async () => {
      for (let round = 0; round < 2; round++)
        for (let i = 0; i < AGENTS; i++) {
          const to = (i + 1 + round) % AGENTS;
          const message = `${phase} kudos ${round} from ${i} to ${to}`;
          await send('POST', '/api/me/kudos', clients[i]!.token, {
            toPersonId: clients[to]!.id,
            value: 'Teamwork',
            message,
          });
          sentKudos.push({ to, message });
          tick();
          await sleep(50);
        }
    })();
    const supervisor = (async () => {
      await send('POST', '/api/supervisor/missions', supervisorToken, {
        agentIds: clients.map((c) => c.id),
        teamId: null,
        spec: {
          title: `${phase}: solve 3`,
          metric: 'solved',
          comparator: 'atLeast',
          target: 3,
          window: { start: '2026-03-09T00:00:00Z', end: '2026-03-14T00:00:00Z' },
        },
      });
      tick();
      for (let k = 0; k < 3; k++) {
        const message = `${phase} team kudos ${k}`;
        await send('POST', `/api/supervisor/teams/${teamId}/kudos`, supervisorToken, {
          value: 'Teamwork',
          message,
        });
        teamMessages.push(message);
        tick();
        await sleep(150);
      }
    })();
    const ingest = (async () => {
      for (let round = 0; round < 2; round++)
        for (const c of clients) {
          ticket += 1;
          const at = new Date(Date.parse(FAULT_SUITE_NOW) - 3 * 3_600_000 + ticket * 60_000).toISOString();
          await send('POST', '/api/ingest/events', ADMIN, {
            events: [
              {
                type: 'ticket_created',
                source: 'zendesk',
                externalId: `s${ticket}:c`,
                ticketId: `S${ticket}`,
                at,
              },
              {
                type: 'ticket_solved',
                source: 'zendesk',
                externalId: `s${ticket}:s`,
                ticketId: `S${ticket}`,
                agent: c.handle,
                at,
              },
            ],
          });
          tick();
          await sleep(50);
        }
    })();
    const faulted = (async () => {
      await eventually(() => done >= faultAfter, 60_000, `${phase}: ${faultAfter} operations`);
      await fault();
    })();
    await Promise.all([peer, supervisor, ingest, faulted]);
  }

  it('a token revoked through instance A closes its live sockets on B and C with 4001 within a second, and no instance takes it back', async () => {
    const agent = clients[0]!;
    const device = (await send('POST', `/api/admin/people/${agent.id}/tokens`, ADMIN, {})) as {
      id: string;
      token: string;
    };
    const codes: (number | null)[] = [null, null];
    await Promise.all(
      [1, 2].map(async (k, i) => {
        const live = await LiveClient.open(instances[k]!.url, { token: device.token, after: 0 });
        await live.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 10_000);
        void live.closed.then((c) => (codes[i] = c.code));
      }),
    );
    const revoked = await fetch(`${instances[0]!.url}/api/admin/tokens/${device.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(revoked.status).toBe(204);
    await eventually(() => codes.every((c) => c !== null), 1_000, 'the sockets on B and C closed');
    expect(codes).toEqual([LIVE_END.signedOut.closeCode, LIVE_END.signedOut.closeCode]);
    for (const instance of instances) {
      const again = await LiveClient.open(instance.url, { token: device.token, after: 0 });
      expect((await again.closed).code).toBe(1008);
      expect(again.messages.some((m) => m.kind === 'hello')).toBe(false);
    }
    // The agent's companion, signed in with its own token, is still online.
    expect(agent.client.getState().connection).toBe('online');
  }, 60_000);

  it('spreads live sockets over all three, and every agent gets every entry once, in order, through a SIGKILL, a LISTEN cut and a drain', async () => {
    // Round robin on the live backend: each instance holds some of the sockets.
    await eventually(
      async () => {
        const counts = await Promise.all(instances.map(socketsOn));
        return counts.every((n) => n >= 1) && counts.reduce((a, b) => a + b, 0) === AGENTS;
      },
      15_000,
      'live sockets on every instance',
    );

    // Phase 1: kill -9 one instance mid-traffic, then cut every LISTEN connection mid-traffic.
    await traffic(
      'p1',
      async () => {
        await instances[1]!.kill();
        await sleep(300);
        expect(await terminateListeners(base, db.schema)).toBeGreaterThanOrEqual(2);
      },
      12,
    );
    // The killed instance's companions moved to the two survivors through the proxy.
    await eventually(
      async () =>
        allOnline() && (await socketsOn(instances[0]!)) + (await socketsOn(instances[2]!)) === AGENTS,
      20_000,
      'the killed instance’s companions reconnected elsewhere',
    );

    // Phase 2: the killed instance is back; another one drains on SIGTERM mid-traffic.
    instances[1] = await startInstance(ports[1]!);
    await traffic('p2', () => instances[2]!.stop(), 12);
    await eventually(allOnline, 20_000, 'every companion online after the drain');

    // Every agent ends at their head, with every entry once and in order.
    const heads = await withClient(db.url.replace(/\?.*$/, ''), async (c) => {
      const r = await c.query<{ person_id: string; seq: number }>(
        `select person_id, seq from ${db.schema}.feed_heads`,
      );
      return new Map(r.rows.map((row) => [row.person_id, Number(row.seq)]));
    });
    for (const c of clients) {
      const head = heads.get(c.id) ?? 0;
      await eventually(
        () => (c.client.getState().snapshot?.cursor ?? 0) === head,
        30_000,
        `agent ${c.id} at head ${head}`,
      );
      assertContiguous(c.seen, c.from);
      expect(c.seen.at(-1)?.seq).toBe(head);
    }
    const messagesOf = (c: Client) =>
      c.seen.flatMap((e: FeedEntry) => (e.type === 'kudos.upserted' ? [e.payload.message] : []));
    clients.forEach((c, i) => {
      const got = messagesOf(c);
      for (const k of sentKudos.filter((s) => s.to === i))
        expect(
          got.filter((m) => m === k.message),
          k.message,
        ).toHaveLength(1);
      for (const m of teamMessages)
        expect(
          got.filter((g) => g === m),
          m,
        ).toHaveLength(1);
      expect(c.seen.some((e) => e.type === 'mission.upserted')).toBe(true);
    });
    expect(sentKudos).toHaveLength(2 * 2 * AGENTS);
    expect(teamMessages).toHaveLength(6);
  }, 600_000);
});
