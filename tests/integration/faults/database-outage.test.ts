import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestResult } from '../../../shared/api/ingest';
import { Health } from '../../../shared/api/ops';
import { ApiError } from '../../../shared/api/actions';
import { seedTeam, type SeededTeam } from '../../../bench/lib/seed';
import { startFaultServer, tempDataDir, type FaultServer } from './support/fault-server';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { eventually } from './support/waits';

/**
 * The server on a PostgreSQL cluster of the test's own, which the test breaks three ways: one idle connection
 * terminated (pg_terminate_backend), a fast shutdown, and a SIGKILL of the postmaster. The server process must
 * stay up throughout, answer 503 with a reason and Retry-After (never 500) while the database is away, say so on
 * /healthz, answer 200 again by itself once the database is back, and have lost nothing it acknowledged.
 * PostgreSQL only by nature; without the PostgreSQL 15 binaries the test fails (it never skips).
 */
const dir = tempDataDir('outage');
let cluster: PrivatePostgres;
let server: FaultServer;
let team: SeededTeam;
const acknowledged: string[] = [];
/** Every status the server answered during the test, for the report and the "never 5xx but 503" check. */
const statuses: number[] = [];
let sent = 0;

beforeAll(async () => {
  cluster = await startPrivatePostgres();
  server = await startFaultServer(dir.path, { databaseUrl: cluster.url });
  team = await seedTeam(server.url, server.adminToken, { agents: 2, name: 'Outage' });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await cluster?.dispose();
  dir.dispose();
  console.log(
    `database outage: ${sent} requests, ${statuses.filter((s) => s === 503).length} × 503, ` +
      `${statuses.filter((s) => s >= 500 && s !== 503).length} other 5xx, ${acknowledged.length} events acknowledged`,
  );
});

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  sent += 1;
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  statuses.push(res.status);
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: JSON.parse(text) as unknown,
  };
}

let counter = 0;
function events(n: number) {
  const agent = team.agents[0]?.handle ?? 'zendesk:none';
  return Array.from({ length: n }, () => {
    counter += 1;
    return {
      type: 'ticket_solved',
      source: 'zendesk',
      externalId: `outage-${counter}`,
      ticketId: `T-${counter}`,
      at: new Date(server.now().getTime() - counter * 60_000).toISOString(),
      agent,
    };
  });
}

/** Sends events; records them as acknowledged only on a 200 (what a connector would stop retrying). */
async function ingest(batch: ReturnType<typeof events>) {
  const reply = await call('/api/ingest/events', {
    method: 'POST',
    token: team.ingestToken,
    body: { events: batch },
  });
  if (reply.status === 200) {
    const result = IngestResult.parse(reply.body);
    expect(result.accepted + result.duplicates).toBe(batch.length);
    acknowledged.push(...batch.map((e) => e.externalId));
  }
  return reply;
}

const serverAlive = () => server.process.exitCode === null && server.process.signalCode === null;

async function expectStoredEverythingAcknowledged() {
  const rows = await cluster.query<{ n: string }>(
    `select count(*) as n from events where source = 'zendesk' and external_id = any($1)`,
    [acknowledged],
  );
  expect(Number(rows[0]?.n)).toBe(acknowledged.length);
}

/** While the database is away: 503 with a reason and Retry-After everywhere, the health check says why. */
async function expectUnavailable() {
  const health = await call('/healthz');
  expect(health.status).toBe(503);
  expect(health.retryAfter).toBe('5');
  expect(Health.parse(health.body)).toMatchObject({ ok: false, database: 'postgres', status: 'unreachable' });
  expect(Health.parse(health.body).reason).toMatch(/\w/);
  const refused = await ingest(events(5));
  expect(refused.status).toBe(503);
  expect(refused.retryAfter).toBe('5');
  const error = ApiError.parse(refused.body);
  expect(error.error).toBe('database_unavailable');
  expect(error.message).toMatch(/database is not answering/);
  // The reason is safe to show: no host or port of the database.
  expect(error.message).not.toContain(String(cluster.port));
  const state = await call('/api/me/state', { token: team.agents[0]?.token ?? '' });
  expect(state.status).toBe(503);
  expect(serverAlive()).toBe(true);
}

async function expectRecovered() {
  await eventually(async () => (await call('/healthz')).status === 200, 30_000, 'healthz 200 after restart');
  const health = await call('/healthz');
  expect(Health.parse(health.body)).toMatchObject({ ok: true, status: 'up' });
  // The pool may still hold a connection from before the outage: the first query on it fails (503) and discards it.
  await eventually(async () => (await ingest(events(5))).status === 200, 30_000, 'ingest 200 after restart');
  expect((await call('/api/me/state', { token: team.agents[0]?.token ?? '' })).status).toBe(200);
  expect(serverAlive()).toBe(true);
  await expectStoredEverythingAcknowledged();
}

describe('PostgreSQL outage (private cluster)', () => {
  it('survives pg_terminate_backend of an idle connection', async () => {
    expect((await ingest(events(20))).status).toBe(200);
    // A few requests at once leave several idle connections in the pool.
    await Promise.all([call('/healthz'), call('/healthz'), ingest(events(3)), ingest(events(3))]);
    expect(await cluster.terminateOneIdle()).toBe(1);
    for (let i = 0; i < 10; i += 1) {
      const reply = await ingest(events(2));
      expect([200, 503]).toContain(reply.status);
    }
    await expectRecovered();
  }, 60_000);

  it('survives a fast shutdown: 503 while it lasts, 200 after, nothing acknowledged lost', async () => {
    expect((await ingest(events(20))).status).toBe(200);
    await cluster.stopFast();
    await expectUnavailable();
    await expectUnavailable();
    await cluster.start();
    await expectRecovered();
  }, 90_000);

  it('survives a SIGKILL of the postmaster: 503 while it lasts, 200 after, nothing acknowledged lost', async () => {
    expect((await ingest(events(20))).status).toBe(200);
    await cluster.killPostmaster();
    await eventually(
      async () => (await call('/healthz')).status === 503,
      20_000,
      'healthz 503 after the kill',
    );
    await expectUnavailable();
    await cluster.start();
    await expectRecovered();
    // Only 200 and 503 ever: a lost database is never a 500, and the server never went down.
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
  }, 90_000);
});
