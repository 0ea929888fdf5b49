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

/**
 * NOTIFY at once, outside any transaction (its own statement commits), for what follows a change already
 * committed, such as ending the live sessions of a revoked token.
 */
export async function notifyNow(db: Kysely<Database>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
