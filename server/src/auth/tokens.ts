import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { toIsoUtc } from '../store/time';
import { insertToken } from '../store/repos/tokens-repo';

export type TokenKind = 'person' | 'ingest';

/** 32 random bytes, base64url, prefixed so a leaked token is recognisable in logs and secret scanners. */
export function generateToken(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as SHA-256 hashes and found by hash lookup, so the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a token for a person. The plain token is returned once and never stored. */
export async function issueToken(
  db: Kysely<Database>,
  personId: string,
  kind: TokenKind,
  label: string,
  now: Date,
): Promise<{ id: string; token: string; kind: TokenKind }> {
  const token = generateToken();
  const id = randomUUID();
  await insertToken(db, { id, hash: hashToken(token), personId, kind, label, createdAt: toIsoUtc(now) });
  return { id, token, kind };
}
