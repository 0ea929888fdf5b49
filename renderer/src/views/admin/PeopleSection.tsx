import type { PersonRecord, TeamRecord } from '../../../../shared/api/admin';
import { EmptyState } from '../../components/EmptyState';
import { AddPersonForm } from './AddPersonForm';
import { PersonEditor } from './PersonEditor';
import { PersonItem } from './PersonItem';
import { PersonTokens } from './PersonTokens';

/** Everyone claimed: role, teams, handles, absences, their devices' tokens and pairing codes; and a new person. */
export function PeopleSection({
  people,
  teams,
  onChanged,
}: {
  people: readonly PersonRecord[];
  teams: readonly TeamRecord[];
  onChanged: () => void;
}) {
  const claimed = people.filter((p) => p.claimed);
  return (
    <>
      {claimed.length === 0 ? (
        <EmptyState title="Nobody here yet">
          Add a person, or claim one a helpdesk connection found.
        </EmptyState>
      ) : (
        <ul className="plain stack" aria-label="People">
          {claimed.map((p) => (
            <PersonItem key={p.id} person={p}>
              <h4 className="admin-subhead">Role, teams, handles, absences</h4>
              <PersonEditor person={p} teams={teams} onSaved={onChanged} />
              <h4 className="admin-subhead">Devices</h4>
              <PersonTokens personId={p.id} name={p.name} timeZone={p.timezone} />
            </PersonItem>
          ))}
        </ul>
      )}
      <AddPersonForm teams={teams} onAdded={onChanged} />
    </>
  );
}
