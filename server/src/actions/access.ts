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

/**
 * A supervisor's reach: the agents (role `agent`) of the teams they supervise. A peer supervisor or an admin
 * who shares the team is not theirs to read, coach, give missions or record milestones for.
 */
export function supervises(principal: Principal, person: PersonFull): boolean {
  return (
    principal.role === 'supervisor' &&
    person.role === 'agent' &&
    person.teamIds.some((t) => principal.teamIds.includes(t))
  );
}

/** Admin; the person themselves; or a supervisor of the agent (see `supervises`). */
export function canReadPerson(principal: Principal, person: PersonFull): boolean {
  if (principal.role === 'admin' || principal.personId === person.id) return true;
  return supervises(principal, person);
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
    throw forbidden('You may only see your own data, or that of the agents of the teams you supervise.');
  return person;
}

export function requireSupervisor(principal: Principal): void {
  if (principal.role !== 'supervisor' && principal.role !== 'admin')
    throw forbidden('Only supervisors and admins may do this.');
}

/** A supervisor may act on a person only when the person is an agent of a team they supervise; admins on anyone. */
export async function requireSupervisedPerson(
  db: Kysely<Database>,
  principal: Principal,
  personId: string,
): Promise<PersonFull> {
  requireSupervisor(principal);
  const person = await loadPerson(db, personId);
  if (!person) throw notFound('The person');
  if (principal.role === 'admin' || supervises(principal, person)) return person;
  if (person.teamIds.some((t) => principal.teamIds.includes(t)))
    throw forbidden(`Supervisors act on the agents of their teams; this person is a ${person.role}.`);
  throw forbidden('This person is not in a team you supervise.');
}
