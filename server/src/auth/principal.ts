import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/domain/people-model';
import type { Database } from '../store/schema';
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
  const row = await db
    .selectFrom('tokens')
    .innerJoin('people', 'people.id', 'tokens.person_id')
    .select(['tokens.kind', 'people.id', 'people.role'])
    .where('tokens.token_hash', '=', hash)
    .where('tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const teams = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('person_id', '=', row.id)
    .execute();
  return {
    personId: row.id,
    role: row.role as Role,
    tokenKind: row.kind as TokenKind,
    teamIds: teams.map((t) => t.team_id),
  };
}
