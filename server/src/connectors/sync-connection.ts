import type { IngestResult } from '../../../shared/api/ingest';
import { Vendor } from '../../../shared/api/connections';
import type { AppContext } from '../core/context';
import { toIsoUtc } from '../store/time';
import {
  addImportedEvents,
  connectionRow,
  readCursor,
  updateConnection,
  writeCursor,
} from '../store/repos/connections-repo';
import { openSecret } from './secret-box';
import { syncAgentDirectory } from './agent-directory';
import type { StreamPage } from './pull-stream';
import { VendorCredentialsRefused, VendorRateLimited } from './vendor-http';
import { clientFor, vendorFor, VENDOR_NAMES, type ClientTuning } from './vendors';

/** The ingest service, handed in by the composition root (connectors and ingest sit side by side). */
export type IngestFn = (ctx: AppContext, events: readonly unknown[]) => Promise<IngestResult>;

export interface SyncOptions {
  ingest: IngestFn;
  /** Pages read per stream in one run before yielding to the next poll (default 50). */
  maxPages?: number;
  tuning?: ClientTuning;
}

export interface SyncOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Every stream reached its end of stream. */
  caughtUp: boolean;
  error: string | null;
}

/**
 * One poll of one connection: the vendor's agents into the directory, then each stream page by page from its
 * stored cursor. A page's events go through the ingest service (idempotent by source + external id) and only
 * after they are committed is the page's cursor written, so a process killed at any point re-reads at most the
 * page it was on and stores nothing twice. Failures end the run with the status and the sentence the admin
 * sees: refused credentials stop polling until new ones are given, a long rate-limit wait moves the next poll
 * after it, a failing vendor is tried again at the next poll.
 */
export async function syncConnection(
  ctx: AppContext,
  id: string,
  options: SyncOptions,
): Promise<SyncOutcome> {
  const db = ctx.store.db;
  const outcome: SyncOutcome = { accepted: 0, duplicates: 0, rejected: 0, caughtUp: false, error: null };
  const row = await connectionRow(db, id);
  if (!row || row.status !== 'active') return outcome;
  const now = () => ctx.clock();
  const startedAt = toIsoUtc(now());
  const vendor = Vendor.parse(row.vendor);
  const name = VENDOR_NAMES[vendor];
  const fail = async (message: string, changes: Parameters<typeof updateConnection>[2] = {}) => {
    outcome.error = message;
    const at = toIsoUtc(now());
    await updateConnection(db, id, {
      last_error: message,
      last_error_at: at,
      next_poll_at: toIsoUtc(now().getTime() + row.poll_seconds * 1000),
      ...changes,
    });
    return outcome;
  };
  if (!ctx.config.secretKey)
    return fail('SIDEKICK_SECRET_KEY is not set on this server, so the stored credentials cannot be read.');
  let credentials;
  try {
    credentials = openSecret(ctx.config.secretKey, id, row.secret);
  } catch (error) {
    const message = `${(error as Error).message}.`;
    return fail(message, { status: 'needs_credentials', status_message: message });
  }
  const reader = vendorFor(vendor, credentials);
  const client = clientFor(vendor, row.base_url, reader, () => now().getTime(), options.tuning);
  await updateConnection(db, id, { last_sync_at: startedAt });
  const maxPages = options.maxPages ?? 50;
  const rejections: string[] = [];
  try {
    const agents = await reader.agents(client);
    await syncAgentDirectory(ctx.store, agents, startedAt);
    const prefix = `${vendor}:`;
    const agentIds = new Set(agents.map((a) => (a.handles[0] ?? '').slice(prefix.length)));
    // Filled by the ticket stream as it reads, read by later streams of the same poll (see StreamCall).
    const ticketAssignees = new Map<string, string>();
    let caughtUp = true;
    const throughs: string[] = [];
    for (const stream of reader.streams) {
      const stored = await readCursor(db, id, stream.name);
      let cursor: unknown = stored === null ? stream.initial(row.start_from) : JSON.parse(stored);
      let last: StreamPage | null = null;
      for (let pages = 0; pages < maxPages; pages++) {
        // An admin's pause (or a delete) takes effect at the next page.
        const current = await connectionRow(db, id);
        if (!current || current.status !== 'active') return outcome;
        last = await stream.page(cursor, { client, agentIds, ticketAssignees, now: now() });
        if (last.events.length > 0) {
          const result = await options.ingest(ctx, last.events);
          outcome.accepted += result.accepted;
          outcome.duplicates += result.duplicates;
          outcome.rejected += result.rejected.length;
          for (const r of result.rejected) rejections.push(`${stream.name}: ${r.error}`);
          await addImportedEvents(db, id, result.accepted);
        }
        await writeCursor(db, id, stream.name, JSON.stringify(last.cursor), toIsoUtc(now()));
        cursor = last.cursor;
        if (last.done) break;
      }
      // A stream at its end has read everything up to this sync's start; one still behind has reached its `through`.
      if (last?.done) throughs.push(startedAt);
      else {
        caughtUp = false;
        if (last?.through) throughs.push(last.through);
      }
    }
    outcome.caughtUp = caughtUp;
    const finished = toIsoUtc(now());
    const through = caughtUp ? startedAt : throughs.sort()[0];
    await updateConnection(db, id, {
      last_success_at: finished,
      ...(through ? { synced_through: through } : {}),
      last_error:
        rejections.length > 0
          ? `${rejections.length} ${name} record(s) could not be stored; the first: ${rejections[0]}`
          : null,
      last_error_at: rejections.length > 0 ? finished : null,
      // More to read: the next check continues at once; caught up: wait the poll interval.
      next_poll_at: caughtUp ? toIsoUtc(now().getTime() + row.poll_seconds * 1000) : finished,
    });
    return outcome;
  } catch (error) {
    if (error instanceof VendorCredentialsRefused)
      return fail(error.message, { status: 'needs_credentials', status_message: error.message });
    if (error instanceof VendorRateLimited)
      return fail(`${error.message}; polling resumes at ${toIsoUtc(error.retryAt)}.`, {
        next_poll_at: toIsoUtc(error.retryAt),
      });
    return fail(`${(error as Error).message}; trying again at the next poll.`);
  }
}
