import { afterAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/api/feed';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import { IngestResult } from '../../../shared/api/ingest';
import { request } from '../../../bench/lib/api';
import { seedTeam } from '../../../bench/lib/seed';
import { batches, eventStream } from '../../../bench/lib/events';
import { nodeSyncClient, waitForState, isLiveAt } from '../../../bench/lib/sync-clients';
import { startFaultServer, tempDataDir, queryStore, type FaultServer } from './support/fault-server';
import { sleep, expectedRun, settledCounts } from './support/waits';

/**
 * A helpdesk connector sends batches; the server process is SIGKILLed in the middle of one. After a restart,
 * every batch the server acknowledged must be stored, each event exactly once; the batch that was cut off
 * must be all or nothing (one transaction); re-sending it stores the rest without duplicates. A desktop
 * client connected throughout must end at the server's head having applied every entry once, in order.
 */
const dir = tempDataDir('kill');
let server: FaultServer | undefined;
afterAll(async () => {
  await server?.stop();
  dir.dispose();
});

const storedCount = (dataDir: string, events: HelpdeskEvent[]): number =>
  queryStore(dataDir, (db) => {
    const stmt = db.prepare('select count(*) as n from events where source = ? and external_id = ?');
    return events.reduce((n, e) => n + (stmt.get(e.source, e.externalId) as { n: number }).n, 0);
  });

describe('SIGKILL during ingest', () => {
  it('keeps every acknowledged event exactly once, and the client catches up with no gap', async () => {
    server = await startFaultServer(dir.path);
    const team = await seedTeam(server.url, server.adminToken, { agents: 3, name: 'Kill' });
    const agent = team.agents[0];
    if (!agent) throw new Error('no agent');

    const client = nodeSyncClient(server.url, agent.token, { deps: { random: () => 0.2 } });
    const applied: number[] = [];
    client.onEntry((entry: FeedEntry) => applied.push(entry.seq));
    await client.start();
    const initial = await waitForState(client, (s) => s.connection === 'online', 20_000);
    const startCursor = initial.snapshot?.cursor ?? 0;

    const now = new Date();
    // Every event names the watched agent, so each batch writes feed entries the client must receive.
    const stream = eventStream({
      agents: [agent.handle, agent.handle, team.agents[1]?.handle ?? agent.handle],
      start: new Date(now.getTime() - 5 * 86_400_000),
      end: now,
      runId: `kill${now.getTime()}`,
    });
    const acknowledged: HelpdeskEvent[] = [];
    const send = async (batch: HelpdeskEvent[]): Promise<IngestResult> => {
      const reply = await request((server as FaultServer).url, 'POST', '/api/ingest/events', {
        token: team.ingestToken,
        body: { events: batch },
      });
      if (reply.status !== 200)
        throw new Error(`ingest answered ${reply.status}: ${reply.text.slice(0, 300)}`);
      return IngestResult.parse(reply.body);
    };

    for (const cycle of [0, 1]) {
      const durations: number[] = [];
      for (const batch of batches(stream, 3 * 300, 300)) {
        const t0 = Date.now();
        const result = await send(batch);
        durations.push(Date.now() - t0);
        expect(result.accepted + result.duplicates).toBe(batch.length);
        acknowledged.push(...batch);
      }
      const [cut] = batches(stream, 300, 300);
      if (!cut) throw new Error('stream ran dry');
      // The kill lands while this batch is being stored: a third, then two thirds, into a typical batch's time.
      const inFlight = send(cut).then(
        () => 'acknowledged' as const,
        () => 'lost' as const,
      );
      await sleep(Math.max(20, Math.round((Math.min(...durations) * (1 + cycle)) / 3)));
      server = await server.restart('kill');
      const outcome = await inFlight;

      expect(storedCount(dir.path, acknowledged)).toBe(acknowledged.length);
      const cutStored = storedCount(dir.path, cut);
      // One transaction per batch: all or nothing, never a torn batch.
      expect([0, cut.length]).toContain(cutStored);
      if (outcome === 'acknowledged') expect(cutStored).toBe(cut.length);
      // The connector retries what it did not see acknowledged; duplicates change nothing.
      const retry = await send(cut);
      expect(retry.accepted + retry.duplicates).toBe(cut.length);
      expect(retry.duplicates).toBe(cutStored);
      acknowledged.push(...cut);
      expect(storedCount(dir.path, acknowledged)).toBe(acknowledged.length);
    }
    const total = queryStore(
      dir.path,
      (db) => (db.prepare('select count(*) as n from events').get() as { n: number }).n,
    );
    expect(total).toBe(acknowledged.length);

    // The restarted server's scheduler runs its first tick a second in (this week's offers for agents whose
    // history just arrived); the head is read once the store is quiet, so that tick cannot land after it.
    await settledCounts(dir.path);
    const head = queryStore(
      dir.path,
      (db) =>
        (
          db.prepare('select seq from feed_heads where person_id = ?').get(agent.id) as
            { seq: number } | undefined
        )?.seq ?? 0,
    );
    expect(head).toBeGreaterThan(startCursor);
    const final = await waitForState(client, isLiveAt(head), 45_000);
    client.stop();
    expect(final.snapshot?.cursor).toBe(head);
    // Every entry after the starting cursor was applied exactly once and in order: no gap, no duplicate.
    expect(applied).toEqual(expectedRun(applied, startCursor, head));
  }, 120_000);
});
