import type { Kysely, Migration } from 'kysely';

/**
 * Request counters per key and minute, shared by every server instance on one PostgreSQL store: the ingest
 * limit, failed sign-ins and webhook secrets per client, and each person's own actions hold across instances
 * instead of N times over behind N instances. Rows older than a few minutes are pruned as counters are hit.
 */
export const rateCountersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_counters')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_counters_pk', ['key', 'window_start'])
      .execute();
    await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();
  },
};
