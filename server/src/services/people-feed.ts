import type { UnitOfWork } from '../store/unit-of-work';
import { loadPerson, personSummary, teamSummary } from './people-repo';

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
    const members = await uow.trx
      .selectFrom('team_members')
      .select('person_id')
      .where('team_id', '=', teamId)
      .execute();
    for (const m of members) audience.add(m.person_id);
  }
  for (const personId of audience) {
    const person = await loadPerson(uow.trx, personId);
    if (!person) continue;
    if (personId === changedPersonId) uow.feed(personId, 'person.updated', personSummary(person));
    const first = person.teamIds[0];
    uow.feed(personId, 'team.updated', first ? await teamSummary(uow.trx, first) : null);
  }
}
