import type { Kysely, Migration } from 'kysely';

/**
 * Helpdesk pull connections (issue 17): one row per configured Zendesk / Freshdesk account, its secret
 * encrypted (AES-256-GCM, never stored in the clear), and one durable cursor per connection and stream so a
 * poller killed mid-sync resumes exactly where it stopped.
 */
export const connectionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vendor', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('base_url', 'text', (c) => c.notNull())
      .addColumn('auth_kind', 'text', (c) => c.notNull())
      .addColumn('login', 'text')
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_message', 'text')
      .addColumn('start_from', 'text', (c) => c.notNull())
      .addColumn('poll_seconds', 'integer', (c) => c.notNull())
      .addColumn('next_poll_at', 'text', (c) => c.notNull())
      .addColumn('last_sync_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('synced_through', 'text')
      .addColumn('events_imported', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('connection_cursors')
      .addColumn('connection_id', 'text', (c) => c.notNull())
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('cursor', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('connection_cursors_pk', ['connection_id', 'stream'])
      .execute();
  },
};
