import type { Kysely, Migration } from 'kysely';

/**
 * Work the server owes the store and must finish even across a kill: a row per kind of work (e.g. the
 * recomputation after an import), written in the same transaction as what makes it due and deleted only once
 * it is done. `request_id` changes every time it becomes due again, so work done for an older request does not
 * clear a newer one; `requested_at` says since when it is owed (for operators).
 */
export const pendingWork: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pending_work')
      .addColumn('job', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .execute();
  },
};
