import { type AppContext } from '../core/context';
import { ingestImported } from '../ingest/ingest-service';
import { RECOMPUTE_ALL, recomputeAll } from '../engine/recompute';
import { pendingJob } from '../store/repos/pending-work-repo';
import { peopleByHandles } from '../store/repos/handles-repo';
import { syncAgentDirectory } from '../connectors/agent-directory';
import { tuneForBulkLoad } from '../store/repos/bulk-load-repo';
import { type HistorySink } from './import-history';

/**
 * The in-process sink: each import batch is one ingest transaction (acknowledged once committed), the events
 * stored as the mappers parsed them with the per-event engine refresh deferred (`ingestImported`), then the
 * server's one recomputation of missions, trends, streaks, growth and this week's offers for everyone at the
 * end, which stays owed (pending_work) until it has finished.
 */
export function serverHistorySink(ctx: AppContext): HistorySink {
  return {
    ingest: (events) => ingestImported(ctx, events),
    recompute: async () => {
      await recomputeAll(ctx);
    },
    recomputeOwed: async () => (await pendingJob(ctx.store.db, RECOMPUTE_ALL)) !== null,
    people: {
      existing: async (handles) => {
        const found = new Set<string>();
        // A few hundred at a time keeps every store's parameter limit far away.
        for (let i = 0; i < handles.length; i += 500)
          for (const row of await peopleByHandles(ctx.store.db, handles.slice(i, i + 500)))
            found.add(row.handle);
        return found;
      },
      directory: async (agents) => {
        await syncAgentDirectory(ctx.store, agents, ctx.clock().toISOString());
      },
    },
  };
}

/**
 * The CLI's in-process import owns its store handle for the whole run, so its connection is tuned for one long
 * bulk load first (SQLite checkpoints less often: `tuneForBulkLoad`). The admin route's sink is a serving
 * server's, and never tuned.
 */
export async function bulkHistorySink(ctx: AppContext): Promise<HistorySink> {
  await tuneForBulkLoad(ctx.store);
  return serverHistorySink(ctx);
}
