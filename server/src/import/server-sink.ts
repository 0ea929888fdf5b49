import { type AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import { RECOMPUTE_ALL, recomputeAll } from '../engine/recompute';
import { pendingJob } from '../store/repos/pending-work-repo';
import { type HistorySink } from './import-history';

/**
 * The in-process sink: each import batch is one ingest transaction (acknowledged once committed) with the
 * per-event engine refresh deferred, then the server's one recomputation of missions, trends, streaks, growth
 * and this week's offers for everyone at the end, which stays owed (pending_work) until it has finished.
 */
export function serverHistorySink(ctx: AppContext): HistorySink {
  return {
    ingest: (events) =>
      ingestEvents(ctx, events, { deferRefresh: true, batchSize: Math.max(1, events.length) }),
    recompute: async () => {
      await recomputeAll(ctx);
    },
    recomputeOwed: async () => (await pendingJob(ctx.store.db, RECOMPUTE_ALL)) !== null,
  };
}
