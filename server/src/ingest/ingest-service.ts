import { IngestEvent } from '../../../shared/api/ingest';
import type { IngestResult } from '../../../shared/api/ingest';
import { HelpdeskEvent } from '../../../shared/domain/events';
import type { AppContext } from '../core/context';
import { runUnitOfWork } from '../store/unit-of-work';
import { toIsoUtc } from '../store/time';
import { issuesOf } from '../core/errors';
import { insertEventOnce } from '../store/repos/events-repo';
import { resolveHandle } from './handle-resolver';
import { applyStoredEvents } from '../engine/apply-events';
import { RECOMPUTE_ALL } from '../engine/recompute';
import { markPending } from '../store/repos/pending-work-repo';

export interface IngestOptions {
  /** Events per transaction; each batch is acknowledged only after it commits. Default 500. */
  batchSize?: number;
  /**
   * Skip the per-event engine refresh (missions, streaks, feed) — for bulk history imports, which call
   * `recomputeAll` once at the end instead; each batch that stores something marks that recomputation owed
   * (pending_work) in its own transaction. Default false.
   */
  deferRefresh?: boolean;
}

/**
 * Stores helpdesk events idempotently by (source, externalId) and applies them to the engine, in batches inside
 * transactions. Bad items are named by their index and never stop the good ones. Callable in-process (the
 * importer) and behind POST /api/ingest/* (the HTTP routes).
 */
export async function ingestEvents(
  ctx: AppContext,
  items: readonly unknown[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
  const valid: { index: number; event: IngestEvent }[] = [];
  items.forEach((item, index) => {
    const parsed = IngestEvent.safeParse(item);
    if (parsed.success) valid.push({ index, event: parsed.data });
    else
      result.rejected.push({
        index,
        error: issuesOf(parsed.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; '),
      });
  });
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const outcome = await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const handles = new Map<string, string>();
      const stored: HelpdeskEvent[] = [];
      let duplicates = 0;
      for (const { event } of batch) {
        const { agent, ...rest } = event;
        const agentId = agent ? await resolveHandle(uow.trx, agent, uow.now, handles) : undefined;
        // Parsed, not cast: what is stored and applied is a HelpdeskEvent by its own schema, agent resolved.
        const normal = HelpdeskEvent.parse({
          ...rest,
          at: toIsoUtc(rest.at),
          ...(agentId ? { agentId } : {}),
        });
        if (await insertEventOnce(uow.trx, normal, uow.now)) stored.push(normal);
        else duplicates += 1;
      }
      if (stored.length > 0) {
        // Deferred: the recomputation is owed from this commit on, so a kill before it ran cannot lose it.
        if (opts.deferRefresh) await markPending(uow.trx, RECOMPUTE_ALL, uow.now);
        else await applyStoredEvents(uow, stored);
      }
      return { accepted: stored.length, duplicates };
    });
    result.accepted += outcome.accepted;
    result.duplicates += outcome.duplicates;
  }
  ctx.metrics.eventsIngested.inc({ outcome: 'accepted' }, result.accepted);
  ctx.metrics.eventsIngested.inc({ outcome: 'duplicate' }, result.duplicates);
  ctx.metrics.eventsIngested.inc({ outcome: 'rejected' }, result.rejected.length);
  return result;
}
