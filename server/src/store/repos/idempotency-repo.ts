import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Idempotency keys of a person's actions, stored in the action's own transaction. */
export async function findIdempotencyKey(
  db: Kysely<Database>,
  personId: string,
  key: string,
): Promise<{ action: string; resultId: string | null } | null> {
  const row = await db
    .selectFrom('idempotency')
    .select(['action', 'result_id'])
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { action: row.action, resultId: row.result_id } : null;
}

export async function rememberIdempotencyKey(
  db: Kysely<Database>,
  entry: { personId: string; key: string; action: string; resultId: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('idempotency')
    .values({
      person_id: entry.personId,
      key: entry.key,
      action: entry.action,
      result_id: entry.resultId,
      created_at: entry.at,
    })
    .execute();
}
