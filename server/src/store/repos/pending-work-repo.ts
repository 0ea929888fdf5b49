import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Work owed to the store: a job name and the id of the request that last made it due. */
export interface PendingJob {
  requestId: string;
  requestedAt: string;
}

/**
 * Marks `job` due as of `at` (in the caller's transaction, so it commits with what made it due); returns the
 * id of this request, which `clearPending` needs.
 */
export async function markPending(db: Kysely<Database>, job: string, at: string): Promise<string> {
  const request_id = randomUUID();
  await db
    .insertInto('pending_work')
    .values({ job, request_id, requested_at: at })
    .onConflict((oc) => oc.column('job').doUpdateSet({ request_id, requested_at: at }))
    .execute();
  return request_id;
}

/** The request that last made `job` due, or null when nothing is owed. */
export async function pendingJob(db: Kysely<Database>, job: string): Promise<PendingJob | null> {
  const row = await db
    .selectFrom('pending_work')
    .select(['request_id', 'requested_at'])
    .where('job', '=', job)
    .executeTakeFirst();
  return row ? { requestId: row.request_id, requestedAt: row.requested_at } : null;
}

/** Clears `job` unless it became due again after `requestId` (work done for an old request keeps a new one). */
export async function clearPending(db: Kysely<Database>, job: string, requestId: string): Promise<void> {
  await db.deleteFrom('pending_work').where('job', '=', job).where('request_id', '=', requestId).execute();
}
