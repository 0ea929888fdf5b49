import type { Kysely, Migration } from 'kysely';

/**
 * One payload shared by many people's feed entries (a team kudos: the same sender, value and message for 5,000
 * members). `feed_shared.body` holds the fields every member's entry has in common, stored once; a feed row
 * that names a `shared_id` keeps only its person's own fields in `payload` (the kudos id, the recipient), and the
 * entry's payload is the two objects' fields together (feed-repo joins them). Rows without `shared_id` are as
 * before: `payload` is the whole payload.
 */
export const feedShared: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('feed_shared')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('feed').addColumn('shared_id', 'text').execute();
  },
};
