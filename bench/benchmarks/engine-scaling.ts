import { join } from 'node:path';
import { startSidekick, waitUntilResponsive } from '../lib/sidekick-server';
import { seedTeam } from '../lib/seed';
import { assignTeamMissions } from '../lib/missions';
import { ingest } from '../lib/api';
import { batches, eventStream, type StreamOptions } from '../lib/events';
import type { HelpdeskEvent } from '../../shared/domain/events';
import { nowMs } from '../lib/clock';
import { median } from '../lib/stats';
import { tempDir } from '../lib/workspace';
import { measurement, type Measurement } from '../lib/results';
import type { BenchPart, Log } from './index';

const CHECKPOINTS = [1_000, 10_000, 30_000, 100_000];
const BATCH = 500;
/** Batches timed at each checkpoint; the median batch is the cost there. */
const TIMED_BATCHES = 5;
const BUDGET_MS = 420_000;

function firstBatch(opts: StreamOptions): HelpdeskEvent[] {
  const [batch] = batches(eventStream(opts), BATCH, BATCH);
  if (!batch) throw new Error('the event stream ran dry');
  return batch;
}

/**
 * One agent's history grows from 1k to 100k events through the real ingest route; at each checkpoint the
 * next few batches are timed. If the engine recomputed from the whole history, cost per event would grow
 * with it; it must stay flat. The baseline is the cost at 1k, so the ratio reads "how much slower at 100k".
 */
export async function engineScalingBenchmark(log: Log): Promise<BenchPart> {
  const dir = tempDir('scaling');
  const server = await startSidekick({ dataDir: join(dir.path, 'data') });
  const started = nowMs();
  try {
    const now = new Date();
    await waitUntilResponsive(server.url);
    const team = await seedTeam(server.url, server.adminToken, { agents: 1 });
    const missionsPerAgent = await assignTeamMissions(server.url, team.supervisor.token, team.teamId, now);
    const agent = team.agents[0];
    if (!agent) throw new Error('no agent seeded');
    const perEventUs = new Map<number, number>();
    let history = 0;
    let fills = 0;
    let timedCount = 0;
    const day = 86_400_000;
    // History grows backwards in time at a constant ~300 events a day (a busy agent): each fill batch is the
    // 1.7 days before the previous one, so 100k events reach about 11 months back. Timed batches are today's
    // work. So the history grows 100×, while the recent windows the engine recomputes hold about as much.
    const fillBatch = (): HelpdeskEvent[] => {
      const end = now.getTime() - 2 * day - fills * (BATCH / 300) * day;
      fills += 1;
      return firstBatch({ agents: [agent.handle], start: new Date(end - (BATCH / 300) * day), end: new Date(end), runId: `sc${now.getTime()}-f${fills}` });
    };
    const todayBatch = (): HelpdeskEvent[] => {
      timedCount += 1;
      return firstBatch({ agents: [agent.handle], start: new Date(now.getTime() - day), end: now, runId: `sc${now.getTime()}-t${timedCount}` });
    };
    const send = async (batch: HelpdeskEvent[]): Promise<number> => {
      const t = nowMs();
      const result = await ingest(server.url, team.ingestToken, batch);
      if (result.accepted !== batch.length) throw new Error(`accepted ${result.accepted} of ${batch.length}`);
      history += batch.length;
      return nowMs() - t;
    };
    for (const checkpoint of CHECKPOINTS) {
      while (history < checkpoint) {
        await send(fillBatch());
        if (nowMs() - started > BUDGET_MS) throw new Error(`after ${Math.round(BUDGET_MS / 1000)} s the history had only reached ${history} events: per-event cost is growing (${JSON.stringify(Object.fromEntries(perEventUs))} µs by history)`);
      }
      const timed: number[] = [];
      for (let i = 0; i < TIMED_BATCHES; i++) timed.push(await send(todayBatch()));
      perEventUs.set(checkpoint, (median(timed) / BATCH) * 1000);
      log(`history ${checkpoint.toLocaleString('en-US')}: ${Math.round(perEventUs.get(checkpoint) ?? 0)} µs per event`);
    }
    const at1k = perEventUs.get(1_000) ?? 0;
    const rows: Measurement[] = [10_000, 100_000].map((h) =>
      measurement({
        benchmark: '6', name: `Ingest cost per event with ${h.toLocaleString('en-US')} events of history (one agent)`, unit: 'µs', value: perEventUs.get(h) ?? 0,
        baselineName: 'same, with 1,000 events of history', baseline: at1k, better: 'lower',
        limitedBy: 'Incremental engine state per agent (running sums per day and week), so cost tracks the batch, not the history; what grows is index depth (log n) and the window of days a late event touches.',
      }),
    );
    return { measurements: rows, details: { missionsPerAgent, batchSize: BATCH, timedBatches: TIMED_BATCHES, perEventUsByHistory: Object.fromEntries(perEventUs) } };
  } finally {
    await server.stop();
    dir.dispose();
  }
}
