import { type AppContext } from '../core/context';
import { ingestEvents } from '../ingest/ingest-service';
import { recomputeAll } from '../engine/recompute';
import { type HistorySink } from './import-history';

/**
 * The in-process sink: each import batch is one ingest transaction (acknowledged once committed) with the
 * per-event engine refresh deferred, then the server's one recomputation of missions, trends, streaks, growth
 * and this week's offers for everyone at the end.
 */
export function serverHistorySink(ctx: AppContext): HistorySink {
  return {
    ingest: (events) =>
      ingestEvents(ctx, events, { deferRefresh: true, batchSize: Math.max(1, events.length) }),
    recompute: async () => {
      await recomputeAll(ctx);
    },
  };
}
