import { join } from 'node:path';
import { startSidekick, waitUntilResponsive } from '../lib/sidekick-server';
import { seedTeam } from '../lib/seed';
import { assignTeamMissions } from '../lib/missions';
import { ingest } from '../lib/api';
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

    // Helpdesk activity for that agent until the feed is 10,000 entries past the client's cursor.
    const store = openServerStore(dataDir);
    const stream = eventStream({ agents: [agent.handle], start: new Date(now.getTime() - 30 * 86_400_000), end: now, runId: `cu${now.getTime()}` });
    let events = 0;
    const deadline = nowMs() + 240_000;
    while (feedHead(store, agent.id) < cursor + BEHIND) {
      for (const batch of batches(stream, 500, 500)) await ingest(server.url, team.ingestToken, batch);
      events += 500;
      if (nowMs() > deadline) throw new Error(`after 4 minutes and ${events} events the feed is only ${feedHead(store, agent.id) - cursor} entries past the cursor`);
    }
    const head = feedHead(store, agent.id);
    log(`${events} events put the client ${head - cursor} entries behind (cursor ${cursor} → head ${head})`);

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
    store.close();
    log(`client ${Math.round(median(clientMs))} ms, store read ${Math.round(median(storeMs))} ms`);
    return {
      measurements: [
        measurement({
          benchmark: '4', name: `Catch-up of ${(head - cursor).toLocaleString('en-US')} entries to live (median of ${RUNS})`, unit: 'ms', value: median(clientMs),
          baselineName: 'reading the same rows from SQLite (better-sqlite3, JSON.parse)', baseline: median(storeMs), better: 'lower',
          limitedBy: 'Round trips of /api/me/feed pages (500 entries each), zod-parsing every entry on both sides, and folding each into the snapshot one by one; the store read is a single indexed range scan.',
        }),
      ],
      details: { missionsPerAgent, cursor, head, behind: head - cursor, eventsIngested: events, clientMs, storeMs, cachedKeys },
    };
  } finally {
    await server.stop();
    dir.dispose();
  }
}
