import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** Adds one to a key's counter for a window and returns the new count (one statement, safe under concurrency). */
export async function hitCounter(db: Kysely<Database>, key: string, window: number): Promise<number> {
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: window, count: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_counters.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function counterValue(db: Kysely<Database>, key: string, window: number): Promise<number> {
  const row = await db
    .selectFrom('rate_counters')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', window)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Drops the counters of windows before `window`. */
export async function pruneCounters(db: Kysely<Database>, window: number): Promise<void> {
  await db.deleteFrom('rate_counters').where('window_start', '<', window).execute();
}
