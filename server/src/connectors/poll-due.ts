import type { AppContext } from '../core/context';
import { toIsoUtc } from '../store/time';
import { dueConnectionIds } from '../store/repos/connections-repo';
import { syncConnection, type SyncOptions } from './sync-connection';

/**
 * The scheduled job: every active connection whose next poll is due is synced, one after another. It runs
 * inside the scheduler, so it inherits the scheduler's "one instance at a time"; within one process the
 * scheduler never starts a run while the last one is going.
 */
export async function pollDueConnections(ctx: AppContext, options: SyncOptions): Promise<void> {
  for (const id of await dueConnectionIds(ctx.store.db, toIsoUtc(ctx.clock())))
    await syncConnection(ctx, id, options);
}
