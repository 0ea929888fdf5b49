import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Bearer tokens, stored only as SHA-256 hashes. */
export async function insertToken(
  db: Kysely<Database>,
  token: { id: string; hash: string; personId: string; kind: string; label: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('tokens')
    .values({
      id: token.id,
      token_hash: token.hash,
      person_id: token.personId,
      kind: token.kind,
      label: token.label,
      created_at: token.createdAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

/** The unrevoked token with this hash, and its person's role. */
export async function activeTokenByHash(
  db: Kysely<Database>,
  hash: string,
): Promise<{
  tokenId: string;
  kind: string;
  personId: string;
  role: string;
  lastUsedAt: string | null;
} | null> {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('people', 'people.id', 'tokens.person_id')
    .select(['tokens.id as tokenId', 'tokens.kind', 'tokens.last_used_at', 'people.id', 'people.role'])
    .where('tokens.token_hash', '=', hash)
    .where('tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { tokenId: row.tokenId, kind: row.kind, personId: row.id, role: row.role, lastUsedAt: row.last_used_at }
    : null;
}

/**
 * Records that a token was used at `at`, unless a use at or after `notBefore` is already recorded: one write an
 * hour per token at most, so authenticating stays a read.
 */
export async function touchTokenUse(
  db: Kysely<Database>,
  id: string,
  at: string,
  notBefore: string,
): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
    .execute();
}

/** A person's tokens, newest first, without their hashes. */
export async function tokensOf(
  db: Kysely<Database>,
  personId: string,
): Promise<
  {
    id: string;
    personId: string;
    kind: string;
    label: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[]
> {
  const rows = await db
    .selectFrom('tokens')
    .select(['id', 'person_id', 'kind', 'label', 'created_at', 'last_used_at', 'revoked_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    label: r.label,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Which of these token hashes belong to unrevoked tokens (one query; a live-session re-check). */
export async function activeTokenHashesAmong(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('tokens')
    .select('token_hash')
    .where('token_hash', 'in', [...hashes])
    .where('revoked_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.token_hash));
}

/** The stored hash of a token, by id; null when there is no such token. */
export async function tokenHashById(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('tokens').select('token_hash').where('id', '=', id).executeTakeFirst();
  return row?.token_hash ?? null;
}

/** Revokes one token; false when there is no such unrevoked token. */
export async function revokeToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether a person was ever given a token (revoked ones count: the person may have signed in with it). */
export async function hasTokens(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db.selectFrom('tokens').select('id').where('person_id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export async function revokeTokensOf(db: Kysely<Database>, personId: string, at: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: at }).where('person_id', '=', personId).execute();
}

/** Revokes every unrevoked token of a person that carries `label` (e.g. the demo's tokens of an earlier start). */
export async function revokeLabelledTokensOf(
  db: Kysely<Database>,
  personId: string,
  label: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('label', '=', label)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
