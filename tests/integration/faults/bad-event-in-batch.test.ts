import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestResult } from '../../../shared/api/ingest';
import { request } from '../../../bench/lib/api';
import { seedTeam } from '../../../bench/lib/seed';
import { openStore } from '../../../server/src/store/database';
import { DIALECTS } from '../server/helpers/test-server';
import { startFaultServer, type FaultServer } from './support/fault-server';

/**
 * One bad event must not fail its batch, nor the request. Each case is an event the old schema let through and
 * the domain or the store could not take — an instant in year 9999 for an agent east of UTC (the local workday
 * lands in year 10000), call durations whose sum is Infinity, a NUL character in text (PostgreSQL refuses it) —
 * spread over the three batches of one request of 1,200 events. Each is rejected by its index with a reason, all
 * the others are stored, and the reply counts exactly what was committed. On SQLite and on PostgreSQL.
 */
const servers: FaultServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const c of cleanups) await c();
});

const BAD: Record<number, { field: string; event: (agent: string, i: number) => Record<string, unknown> }> = {
  10: {
    field: 'at',
    event: (agent, i) => ({ ...solved(agent, i), at: '9999-12-31T23:30:00+09:00' }),
  },
  600: {
    field: 'talkSeconds',
    event: (agent, i) => ({
      ...solved(agent, i),
      type: 'call_handled',
      talkSeconds: 1e308,
      holdSeconds: 1e308,
      wrapSeconds: 1e308,
    }),
  },
  1100: {
    field: 'comment',
    event: (agent, i) => ({
      ...solved(agent, i),
      type: 'csat_rated',
      satisfied: true,
      originalScore: 'good',
      comment: 'great\u0000help',
    }),
  },
  1150: { field: 'ticketId', event: (agent, i) => ({ ...solved(agent, i), ticketId: 'T\u0000' }) },
};

function solved(agent: string, i: number): Record<string, unknown> {
  return {
    type: 'ticket_solved',
    source: 'zendesk',
    externalId: `bad-batch-${i}`,
    ticketId: `T-${i}`,
    at: new Date(Date.parse('2026-03-11T11:00:00Z') - i * 60_000).toISOString(),
    agent,
  };
}

describe.each(DIALECTS)('one bad event among 1,200 ($name)', (dialect) => {
  it('is rejected by index with a reason; the other 1,196 are stored and counted', async () => {
    const store = await dialect.create();
    cleanups.push(store.cleanup);
    const dataDir = store.options.dataDir ?? mkdtempSync(join(tmpdir(), 'sidekick-bad-batch-'));
    if (!store.options.dataDir) cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startFaultServer(dataDir, {
      ...(store.options.databaseUrl ? { databaseUrl: store.options.databaseUrl } : {}),
    });
    servers.push(server);
    // Tokyo is east of UTC: an instant late on 9999-12-31 UTC is already in year 10000 there.
    const team = await seedTeam(server.url, server.adminToken, {
      agents: 1,
      name: 'Bad',
      timezone: 'Asia/Tokyo',
    });
    const agent = team.agents[0]?.handle ?? '';
    const events = Array.from({ length: 1200 }, (_, i) => BAD[i]?.event(agent, i) ?? solved(agent, i));

    const reply = await request(server.url, 'POST', '/api/ingest/events', {
      token: team.ingestToken,
      body: { events },
    });
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    const result = IngestResult.parse(reply.body);
    expect(result.rejected.map((r) => r.index)).toEqual([10, 600, 1100, 1150]);
    for (const r of result.rejected) expect(r.error).toContain(BAD[r.index]?.field);
    expect(result.accepted).toBe(1196);
    expect(result.duplicates).toBe(0);

    const opened = await openStore(
      store.options.databaseUrl ? { databaseUrl: store.options.databaseUrl } : { dataDir },
    );
    try {
      const rows = await opened.db
        .selectFrom('events')
        .select(opened.db.fn.countAll<number>().as('n'))
        .where('external_id', 'like', 'bad-batch-%')
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(1196);
    } finally {
      await opened.close();
    }
    // Sending the same request again stores nothing twice and rejects the same four.
    const again = IngestResult.parse(
      (await request(server.url, 'POST', '/api/ingest/events', { token: team.ingestToken, body: { events } }))
        .body,
    );
    expect(again).toMatchObject({ accepted: 0, duplicates: 1196 });
    expect(again.rejected.map((r) => r.index)).toEqual([10, 600, 1100, 1150]);
    expect((await request(server.url, 'GET', '/healthz')).status).toBe(200);
  }, 120_000);
});
