import { IngestEvent } from '../../../shared/api/ingest';
import type { IngestResult } from '../../../shared/api/ingest';
import { eventKey, HelpdeskEvent } from '../../../shared/domain/events';
import type { AppContext } from '../core/context';
import { runUnitOfWork } from '../store/unit-of-work';
import { toIsoUtc } from '../store/time';
import { DomainError, issuesOf } from '../core/errors';
import { databaseUnreachableReason } from '../store/database';
import { insertEventsOnce } from '../store/repos/events-repo';
import { resolveHandle } from './handle-resolver';
import { handleOwners } from '../store/repos/handles-repo';
import { applyStoredEvents } from '../engine/apply-events';
import { forgetTalliesCredited } from '../engine/tallies';
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

/** How one call stores its batches: the caller's options, and whether its items were parsed already. */
interface StoreOptions extends IngestOptions {
  /**
   * The items were parsed with IngestEvent by the caller (the importer's mappers check every event they derive),
   * so each is resolved and stored as it is rather than parsed a second and third time.
   */
  parsed?: boolean;
}

/**
 * Stores helpdesk events idempotently by (source, externalId) and applies them to the engine, in batches inside
 * transactions. Bad items are named by their index and never stop the good ones: one that fails the schema is
 * rejected before any batch, and one that passes it but still breaks its batch is found by storing that batch
 * event by event. The result counts exactly what was committed. Callable in-process (the demo
 * seed; the importer uses `ingestImported`) and behind POST /api/ingest/* (the HTTP routes).
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
  await storeInBatches(ctx, valid, batchSize, opts, result);
  ctx.metrics.eventsIngested.inc({ outcome: 'rejected' }, result.rejected.length);
  return result;
}

/**
 * The bulk history import's path: events the importer already parsed with IngestEvent (every mapper output is
 * checked by that schema, and a failure is a line-numbered rejection there), stored in one transaction with
 * the engine refresh deferred to the one `recomputeAll` at the end of the import, which this transaction marks
 * owed (pending_work) when it stores anything. Acknowledged (resolved) only after the commit; an event that
 * breaks the batch is found by storing it event by event, as `ingestEvents` does.
 */
export async function ingestImported(ctx: AppContext, events: readonly IngestEvent[]): Promise<IngestResult> {
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
  const items = events.map((event, index) => ({ index, event }));
  await storeInBatches(ctx, items, Math.max(1, items.length), { deferRefresh: true, parsed: true }, result);
  ctx.metrics.eventsIngested.inc({ outcome: 'rejected' }, result.rejected.length);
  return result;
}

/** Stores `valid` a transaction per `batchSize`, counting into `result`; a failing batch is retried event by event. */
async function storeInBatches(
  ctx: AppContext,
  valid: readonly { index: number; event: IngestEvent }[],
  batchSize: number,
  opts: StoreOptions,
  result: IngestResult,
): Promise<void> {
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    try {
      const outcome = await storeBatch(ctx, batch, opts);
      result.accepted += outcome.accepted;
      result.duplicates += outcome.duplicates;
    } catch (error) {
      if (databaseUnreachableReason(error)) throw interrupted(error, result);
      // Something in the batch broke the engine or the store although it passed the schema: store the batch
      // event by event instead, so that one is rejected by index and the rest go in.
      for (const item of batch) {
        try {
          const outcome = await storeBatch(ctx, [item], opts);
          result.accepted += outcome.accepted;
          result.duplicates += outcome.duplicates;
        } catch (itemError) {
          if (databaseUnreachableReason(itemError)) throw interrupted(itemError, result);
          console.error(`ingest: event ${item.index} could not be stored:`, itemError);
          result.rejected.push({
            index: item.index,
            error: 'the server could not store or apply this event (it is logged); the rest were stored',
          });
        }
      }
    }
  }
  result.rejected.sort((a, b) => a.index - b.index);
  ctx.metrics.eventsIngested.inc({ outcome: 'accepted' }, result.accepted);
  ctx.metrics.eventsIngested.inc({ outcome: 'duplicate' }, result.duplicates);
}

/** One batch in one transaction: stored once by (source, externalId), then applied unless deferred. */
async function storeBatch(
  ctx: AppContext,
  batch: readonly { index: number; event: IngestEvent }[],
  opts: StoreOptions,
): Promise<{ accepted: number; duplicates: number }> {
  return runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
    // Every known handle of the batch in one read; resolveHandle then only creates the unknown ones.
    const handles = await handleOwners(uow.trx, [
      ...new Set(batch.flatMap(({ event }) => (event.agent ? [event.agent] : []))),
    ]);
    const normals: HelpdeskEvent[] = [];
    for (const { event } of batch) {
      const { agent, ...rest } = event;
      const agentId = agent ? await resolveHandle(uow.trx, agent, uow.now, handles) : undefined;
      const normal = { ...rest, at: toIsoUtc(rest.at), ...(agentId ? { agentId } : {}) };
      // Parsed, not cast: what is stored and applied is a HelpdeskEvent by its own schema, agent resolved —
      // unless the caller parsed it with IngestEvent already: the same variants field for field (one union,
      // helpdeskEventUnion), `agent` swapped for the id just resolved, `at` normalised as above.
      normals.push(opts.parsed ? (normal as HelpdeskEvent) : HelpdeskEvent.parse(normal));
    }
    // A few multi-row statements for the batch; a copy of a key already offered in it is a duplicate.
    const fresh = await insertEventsOnce(uow.trx, normals, uow.now, uow.dialect);
    const stored = normals.filter((e) => fresh.delete(eventKey(e)));
    const duplicates = normals.length - stored.length;
    if (stored.length > 0) {
      // Deferred: the recomputation is owed from this commit on, so a kill before it ran cannot lose it.
      if (opts.deferRefresh) {
        await markPending(uow.trx, RECOMPUTE_ALL, uow.now);
        // Not moved into the stored tallies: whoever the events credit is rebuilt before anything reads them.
        await forgetTalliesCredited(uow, stored);
      } else await applyStoredEvents(uow, stored);
    }
    return { accepted: stored.length, duplicates };
  });
}

/**
 * The database went away part-way through a request: what earlier batches committed stays, and the refusal says
 * exactly how much that was, so the sender knows; sending the same events again stores the rest once.
 */
function interrupted(error: unknown, done: IngestResult): DomainError {
  const reason = databaseUnreachableReason(error) ?? 'connection lost';
  const committed = done.accepted + done.duplicates;
  return new DomainError(
    'unavailable',
    'database_unavailable',
    `The database is not answering (${reason}). ${
      committed === 0
        ? 'Nothing of this request was stored.'
        : `${committed} events of this request were committed first (${done.accepted} new, ${done.duplicates} duplicates); the rest were not.`
    } Send the same events again shortly; stored ones come back as duplicates.`,
  );
}
