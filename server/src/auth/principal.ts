import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/domain/people-model';
import type { Database } from '../store/schema';
import { activeTokenByHash } from '../store/repos/tokens-repo';
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

/** Resolves a bearer token to a principal by hash lookup; null when unknown or revoked. */
export async function principalForToken(
  db: Kysely<Database>,
  token: string,
  adminTokenHash: string | null,
): Promise<Principal | null> {
  const hash = hashToken(token);
  if (adminTokenHash !== null && hash === adminTokenHash) {
    return { personId: BOOTSTRAP_ADMIN_ID, role: 'admin', tokenKind: 'bootstrap', teamIds: [] };
  }
  const row = await activeTokenByHash(db, hash);
  if (!row) return null;
  return {
    personId: row.personId,
    role: row.role as Role,
    tokenKind: row.kind as TokenKind,
    teamIds: await teamIdsOf(db, row.personId),
  };
}
