import type { UnitOfWork } from '../store/unit-of-work';
import { loadPerson, personSummary } from '../store/repos/people-repo';
import { teamMemberIds, teamSummary } from '../store/repos/teams-repo';

/**
 * After an admin changes people or teams: the person gets `person.updated` and `team.updated` (their first
 * team), and every member of the affected teams gets `team.updated` (the member list or a name changed).
 */
export async function feedPeopleChange(
  uow: UnitOfWork,
  changedPersonId: string | null,
  teamIds: readonly string[],
): Promise<void> {
  const audience = new Set<string>();
  if (changedPersonId) audience.add(changedPersonId);
  for (const teamId of new Set(teamIds)) {
    for (const memberId of await teamMemberIds(uow.trx, teamId)) audience.add(memberId);
  }
  for (const personId of audience) {
    const person = await loadPerson(uow.trx, personId);
    if (!person) continue;
    if (personId === changedPersonId) uow.feed(personId, 'person.updated', personSummary(person));
    const first = person.teamIds[0];
    uow.feed(personId, 'team.updated', first ? await teamSummary(uow.trx, first) : null);
  }
}
