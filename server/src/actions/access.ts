import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { loadPerson, type PersonFull } from '../store/repos/people-repo';

/** Roles in one place: who may read a person's data and who may manage a team. */
export function canManageTeam(principal: Principal, teamId: string): boolean {
  return (
    principal.role === 'admin' || (principal.role === 'supervisor' && principal.teamIds.includes(teamId))
  );
}

/** Admin; the person themselves; or a supervisor of one of the person's teams. */
export function canReadPerson(principal: Principal, person: PersonFull): boolean {
  if (principal.role === 'admin' || principal.personId === person.id) return true;
  return principal.role === 'supervisor' && person.teamIds.some((t) => principal.teamIds.includes(t));
}

export async function requireReadablePerson(
  db: Kysely<Database>,
  principal: Principal,
  personId: string,
): Promise<PersonFull> {
  const person = await loadPerson(db, personId);
  // Same answer for "missing" and "not yours" would hide existence, but the roles tests expect 403 for a real
  // person outside one's reach, which is also the more useful answer for people who share an org.
  if (!person) throw notFound('The person');
  if (!canReadPerson(principal, person))
    throw forbidden('You may only see your own data, or your teams’ as their supervisor.');
  return person;
}

export function requireSupervisor(principal: Principal): void {
  if (principal.role !== 'supervisor' && principal.role !== 'admin')
    throw forbidden('Only supervisors and admins may do this.');
}

/** A supervisor may act on a person only when they supervise one of the person's teams. */
export async function requireSupervisedPerson(
  db: Kysely<Database>,
  principal: Principal,
  personId: string,
): Promise<PersonFull> {
  requireSupervisor(principal);
  const person = await loadPerson(db, personId);
  if (!person) throw notFound('The person');
  if (principal.role !== 'admin' && !person.teamIds.some((t) => principal.teamIds.includes(t)))
    throw forbidden('This person is not in a team you supervise.');
  return person;
}
