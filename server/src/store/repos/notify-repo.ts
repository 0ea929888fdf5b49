import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/**
 * PostgreSQL NOTIFY inside the caller's transaction: PostgreSQL delivers it only when (and if) the transaction
 * commits, so a listener never hears of a row it cannot read yet, and a crash between commit and notify cannot
 * happen. One statement sends every payload.
 */
export async function notifyInTransaction(
  trx: Kysely<Database>,
  channel: string,
  payloads: readonly string[],
): Promise<void> {
  if (payloads.length === 0) return;
  await sql`select pg_notify(${channel}, p) from unnest(cast(${payloads} as text[])) as p`.execute(trx);
}
