import { type Kysely, sql } from 'kysely';
import type { Store } from '../database';
import type { Database } from '../schema';

/**
 * WAL pages after which a bulk load's connection checkpoints (SQLite's default is 1,000 pages, 4 MiB): 200 MiB.
 * A history import's batches each dirty most pages of the (agent_id, at) index again, and every checkpoint
 * copies the latest version of each page into the database file and fsyncs it; checkpointing a fiftieth as
 * often copies a page once for many commits instead of once a commit (benchmark 9: about a fifth of the
 * import's time at 1,000,000 events). Durability is the WAL's, fsynced at every commit either way; a kill
 * leaves the longer WAL for the next open to recover, as it would any WAL.
 */
const BULK_CHECKPOINT_PAGES = 50_000;

/**
 * Tunes this process's connection for one long bulk load (the CLI import, which owns its process and store
 * handle): on SQLite, checkpoints at BULK_CHECKPOINT_PAGES; the store's other settings stay. PostgreSQL has
 * nothing to tune here. Never for a serving process's connection, whose readers want a short WAL.
 */
export async function tuneForBulkLoad(store: Pick<Store, 'db' | 'dialect'>): Promise<void> {
  if (store.dialect !== 'sqlite') return;
  await sql`pragma wal_autocheckpoint = ${sql.lit(BULK_CHECKPOINT_PAGES)}`.execute(
    store.db as Kysely<Database>,
  );
}
