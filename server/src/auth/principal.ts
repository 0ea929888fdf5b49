import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/domain/people-model';
import type { Database } from '../store/schema';
import { activeTokenByHash, touchTokenUse } from '../store/repos/tokens-repo';
import { toIsoUtc } from '../store/time';
import { teamIdsOf } from '../store/repos/teams-repo';
import { hashToken, type TokenKind } from './tokens';

/** Who is calling. `bootstrap` is the admin from SIDEKICK_ADMIN_TOKEN, who is not a stored person. */
export interface Principal {
  personId: string;
  role: Role;
  tokenKind: TokenKind | 'bootstrap';
  /** Teams the person belongs to (agents) or supervises (supervisors). */
  teamIds: string[];
}

export const BOOTSTRAP_ADMIN_ID = 'admin';

export function bearerFrom(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** How stale a token's recorded last use may get before a request writes it again. */
export const TOKEN_USE_RESOLUTION_MS = 60 * 60_000;

/**
 * Resolves a bearer token to a principal by hash lookup; null when unknown or revoked. With `now`, a token whose
 * recorded last use is over an hour old gets it updated (the admin console shows it), without waiting for it.
 */
export async function principalForToken(
  db: Kysely<Database>,
  token: string,
  adminTokenHash: string | null,
  now?: Date,
): Promise<Principal | null> {
  const hash = hashToken(token);
  if (adminTokenHash !== null && hash === adminTokenHash) {
    return { personId: BOOTSTRAP_ADMIN_ID, role: 'admin', tokenKind: 'bootstrap', teamIds: [] };
  }
  const row = await activeTokenByHash(db, hash);
  if (!row) return null;
  if (now) {
    const notBefore = toIsoUtc(new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS));
    // Best effort, off the request path: a failed bookkeeping write must not fail a valid request.
    if (row.lastUsedAt === null || row.lastUsedAt < notBefore)
      void touchTokenUse(db, row.tokenId, toIsoUtc(now), notBefore).catch((e: unknown) =>
        console.error(`sidekick: could not record a token's last use: ${String(e)}`),
      );
  }
  return {
    personId: row.personId,
    role: row.role as Role,
    tokenKind: row.kind as TokenKind,
    teamIds: await teamIdsOf(db, row.personId),
  };
}
