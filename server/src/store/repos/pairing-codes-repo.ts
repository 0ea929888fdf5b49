import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface PairingCodeRow {
  id: string;
  personId: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A new code, by its hash only. */
export async function insertPairingCode(
  db: Kysely<Database>,
  code: {
    id: string;
    hash: string;
    personId: string;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('pairing_codes')
    .values({
      id: code.id,
      code_hash: code.hash,
      person_id: code.personId,
      created_by: code.createdBy,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
      used_at: null,
      token_id: null,
    })
    .execute();
}

export async function pairingCodeByHash(db: Kysely<Database>, hash: string): Promise<PairingCodeRow | null> {
  const row = await db
    .selectFrom('pairing_codes')
    .select(['id', 'person_id', 'expires_at', 'used_at'])
    .where('code_hash', '=', hash)
    .executeTakeFirst();
  return row ? { id: row.id, personId: row.person_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}

/**
 * Marks the code used for a token, only if it is still unused and unexpired at `at`: false means another
 * exchange won the race (or the code died), so the caller issues nothing.
 */
export async function claimPairingCode(
  db: Kysely<Database>,
  id: string,
  at: string,
  tokenId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pairing_codes')
    .set({ used_at: at, token_id: tokenId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A person's codes that can still be exchanged at `at` (unused, unexpired), newest first; never their hashes. */
export async function pendingPairingCodesOf(
  db: Kysely<Database>,
  personId: string,
  at: string,
): Promise<{ id: string; personId: string; createdAt: string; expiresAt: string }[]> {
  const rows = await db
    .selectFrom('pairing_codes')
    .select(['id', 'person_id', 'created_at', 'expires_at'])
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}

/**
 * Withdraws an unused, unexpired code (at `at`) by ending its life when it began (expires_at = created_at), so
 * an exchange racing it finds it expired — on every instance, even one whose clock runs behind this one's
 * (with expires_at = at, such an instance would still accept it); false when there was no such code.
 */
export async function withdrawPairingCode(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('pairing_codes')
    .set((eb) => ({ expires_at: eb.ref('created_at') }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
