import { join } from 'node:path';
import { startSidekick, waitUntilResponsive } from '../lib/sidekick-server';
import { seedTeam } from '../lib/seed';
import { assignTeamMissions } from '../lib/missions';
import { randomUUID } from 'node:crypto';
import { apiRoutes } from '../../shared/api/routes';
import { FEED_PAGE_MAX } from '../../shared/api/feed';
import { ingest, request } from '../lib/api';
import { mapLimit } from '../lib/seed';
import { batches, eventStream } from '../lib/events';
import { openServerStore, feedHead, readFeedRows } from '../lib/feed-store';
import { MemoryStorage } from '../lib/node-sync-deps';
import { nodeSyncClient, waitForState, isLiveAt } from '../lib/sync-clients';
import { nowMs } from '../lib/clock';
import { median } from '../lib/stats';
import { tempDir } from '../lib/workspace';
import { measurement } from '../lib/results';
import type { BenchPart, Log } from './index';

const BEHIND = 10_000;
const RUNS = 5;

/**
 * A desktop that was asleep while 10,000 feed entries were written for its person starts up with its cached
 * state and cursor, pages through /api/me/feed and opens the live socket. Timed from start() to "online at
 * the head"; each run starts from the same cached state. Baseline: the same rows read straight from SQLite.
 */
export async function catchUpBenchmark(log: Log): Promise<BenchPart> {
  const dir = tempDir('catchup');
  const dataDir = join(dir.path, 'data');
  const server = await startSidekick({ dataDir });
  try {
    const now = new Date();
    await waitUntilResponsive(server.url);
    const team = await seedTeam(server.url, server.adminToken, { agents: 1 });
    const missionsPerAgent = await assignTeamMissions(server.url, team.supervisor.token, team.teamId, now);
    const agent = team.agents[0];
    if (!agent) throw new Error('no agent seeded');

    // A client goes live once, then its cached state (snapshot + cursor) is kept, as the desktop keeps it.
    const storage = new MemoryStorage();
    const first = nodeSyncClient(server.url, agent.token, { storage });
    await first.start();
    const before = await waitForState(first, (s) => s.connection === 'online', 30_000);
    first.stop();
    const cursor = before.snapshot?.cursor ?? 0;

    // While the desktop sleeps: a day of helpdesk work, then the supervisor's kudos (each one is several
    // entries: the kudos, its celebration, the timeline entry, growth points) until 10,000 entries are waiting.
    // Ingest alone writes about one entry per dozen events (the engine coalesces per batch), so kudos do the bulk.
    const store = openServerStore(dataDir);
    const stream = eventStream({
      agents: [agent.handle],
      start: new Date(now.getTime() - 86_400_000),
      end: now,
      runId: `cu${now.getTime()}`,
    });
    for (const batch of batches(stream, 2_000, 500)) await ingest(server.url, team.ingestToken, batch);
    let kudos = 0;
    const deadline = nowMs() + 240_000;
    while (feedHead(store, agent.id) < cursor + BEHIND) {
      await mapLimit(
        Array.from({ length: 200 }, (_, i) => i),
        8,
        async () => {
          const reply = await request(server.url, 'POST', apiRoutes.sendKudos.path, {
            token: team.supervisor.token,
            headers: { 'idempotency-key': randomUUID() },
            body: {
              toPersonId: agent.id,
              value: 'Knowledge sharing',
              message: `Your macro for refund status saved the team an hour today (#${kudos})`,
            },
          });
          if (reply.status >= 300)
            throw new Error(`kudos answered ${reply.status}: ${reply.text.slice(0, 200)}`);
          kudos += 1;
        },
      );
      if (nowMs() > deadline)
        throw new Error(
          `after 4 minutes and ${kudos} kudos the feed is only ${feedHead(store, agent.id) - cursor} entries past the cursor`,
        );
    }
    const head = feedHead(store, agent.id);
    log(
      `2,000 events and ${kudos} kudos put the client ${head - cursor} entries behind (cursor ${cursor} → head ${head})`,
    );

    const cachedKeys = await storage.keys();
    const clientMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const copy = new MemoryStorage();
      // Every run starts from the same stale cache.
      for (const key of await storage.keys()) await copy.set(key, await storage.get(key));
      const client = nodeSyncClient(server.url, agent.token, { storage: copy });
      const t0 = nowMs();
      await client.start();
      await waitForState(client, isLiveAt(head), 120_000);
      clientMs.push(nowMs() - t0);
      client.stop();
    }
    const storeMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = nowMs();
      const read = readFeedRows(store, agent.id, cursor);
      storeMs.push(nowMs() - t0);
      if (read.lastSeq !== head) throw new Error(`the store read ended at ${read.lastSeq}, not ${head}`);
    }
    // Where the time goes: the same pages fetched over HTTP with only JSON.parse on our side (server cost).
    const httpMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = nowMs();
      let after = cursor;
      for (;;) {
        const page = await request(server.url, 'GET', `/api/me/feed?after=${after}&limit=${FEED_PAGE_MAX}`, {
          token: agent.token,
        });
        const body = page.body as { cursor: number; hasMore: boolean };
        after = body.cursor;
        if (!body.hasMore) break;
      }
      httpMs.push(nowMs() - t0);
    }
    store.close();
    log(
      `client ${Math.round(median(clientMs))} ms, raw feed pages over HTTP ${Math.round(median(httpMs))} ms, store read ${Math.round(median(storeMs))} ms`,
    );
    return {
      measurements: [
        measurement({
          benchmark: '4',
          name: `Catch-up of ${(head - cursor).toLocaleString('en-US')} entries to live (median of ${RUNS})`,
          unit: 'ms',
          value: median(clientMs),
          baselineName: 'reading the same rows from SQLite (better-sqlite3, JSON.parse)',
          baseline: median(storeMs),
          better: 'lower',
          limitedBy: `The server answers the ${Math.ceil((head - cursor) / FEED_PAGE_MAX)} feed page(s) of up to ${FEED_PAGE_MAX.toLocaleString('en-US')} in ${Math.round(median(httpMs))} ms (measured alone: the database builds each page's JSON text from the stored rows in one query, a team message's shared fields joined, then HTTP), the floor of the client's time. shared/sync asks for page n + 1 as soon as page n's text has arrived (its cursor read off the end, confirmed by the checked envelope), so with several pages the parse, the zod check of every entry and the fold of page n run while the server works on n + 1; on top of the pages come the last page's parse, check and fold, and the live socket's sign-in and hello (the cache is saved after the hello).`,
        }),
      ],
      details: {
        missionsPerAgent,
        cursor,
        head,
        behind: head - cursor,
        eventsIngested: 2_000,
        kudosSent: kudos,
        clientMs,
        httpPagesOnlyMs: httpMs,
        storeMs,
        cachedKeys,
      },
    };
  } finally {
    await server.stop();
    dir.dispose();
  }
}
