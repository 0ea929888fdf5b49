import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface RememberedAction {
  action: string;
  resultId: string | null;
  /** Every id the first request created; null on rows older than migration 0004. */
  resultIds: string[] | null;
  /** Hash of the first request; null on rows older than migration 0004. */
  requestHash: string | null;
}

/** Idempotency keys of a person's actions, stored in the action's own transaction. */
export async function findIdempotencyKey(
  db: Kysely<Database>,
  personId: string,
  key: string,
): Promise<RememberedAction | null> {
  const row = await db
    .selectFrom('idempotency')
    .select(['action', 'result_id', 'result_ids', 'request_hash'])
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const ids: unknown = row.result_ids === null ? null : JSON.parse(row.result_ids);
  return {
    action: row.action,
    resultId: row.result_id,
    resultIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : null,
    requestHash: row.request_hash,
  };
}

export async function rememberIdempotencyKey(
  db: Kysely<Database>,
  entry: {
    personId: string;
    key: string;
    action: string;
    resultId: string | null;
    resultIds: readonly string[] | null;
    requestHash: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('idempotency')
    .values({
      person_id: entry.personId,
      key: entry.key,
      action: entry.action,
      result_id: entry.resultId,
      result_ids: entry.resultIds === null ? null : JSON.stringify(entry.resultIds),
      request_hash: entry.requestHash,
      created_at: entry.at,
    })
    .execute();
}
