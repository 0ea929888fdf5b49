import type { Kysely } from 'kysely';
import type { TokenList } from '../../../shared/api/admin';
import type { Database } from '../store/schema';
import { notFound } from '../core/errors';
import { loadPerson } from '../store/repos/people-repo';
import { tokensOf } from '../store/repos/tokens-repo';
import { pendingPairingCodesOf, withdrawPairingCode } from '../store/repos/pairing-codes-repo';
import { toIsoUtc } from '../store/time';

const tokenKind = (kind: string): 'person' | 'ingest' => (kind === 'ingest' ? 'ingest' : 'person');

/**
 * What the admin console lists for a person: every token (revoked ones too, so a revoke is visible) and the
 * pairing codes that can still be exchanged. Neither a token's secret nor its hash, nor a code, ever leaves.
 */
export async function listTokens(db: Kysely<Database>, personId: string, now: Date): Promise<TokenList> {
  if (!(await loadPerson(db, personId))) throw notFound('The person');
  const [tokens, pairingCodes] = await Promise.all([
    tokensOf(db, personId),
    pendingPairingCodesOf(db, personId, toIsoUtc(now)),
  ]);
  return { tokens: tokens.map((t) => ({ ...t, kind: tokenKind(t.kind) })), pairingCodes };
}

/** Ends a pairing code before it is used; a used, expired or unknown one is not found. */
export async function revokePairingCode(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  if (!(await withdrawPairingCode(db, id, toIsoUtc(now))))
    throw notFound('The pairing code (unused and unexpired)');
}
