import type { Kysely, Migration } from 'kysely';

/**
 * Idempotency rows remember what the first request was and what it created: `request_hash` (a hash of the
 * request, so the same key with a different body is refused instead of answered "duplicate") and `result_ids`
 * (JSON array of every id the action created, so a replayed mission assignment returns its missions). Both are
 * null on rows written before this migration, which are then answered as before.
 */
export const idempotencyReplies: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('idempotency').addColumn('request_hash', 'text').execute();
    await db.schema.alterTable('idempotency').addColumn('result_ids', 'text').execute();
  },
};
