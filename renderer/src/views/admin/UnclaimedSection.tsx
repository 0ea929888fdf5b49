import type { PersonRecord, TeamRecord } from '../../../../shared/api/admin';
import { EmptyState } from '../../components/EmptyState';
import { ClaimForm } from './ClaimForm';
import { MergeForm } from './MergeForm';
import { PersonItem } from './PersonItem';

/**
 * People the helpdesk brought in (a sync or an ingest named a handle nobody had): each is claimed — given a role,
 * team and zone — or merged into a person already here.
 */
export function UnclaimedSection({
  people,
  teams,
  onChanged,
}: {
  people: readonly PersonRecord[];
  teams: readonly TeamRecord[];
  onChanged: () => void;
}) {
  const unclaimed = people.filter((p) => !p.claimed);
  if (unclaimed.length === 0)
    return (
      <EmptyState title="Nobody to claim">
        Agents a helpdesk connection finds appear here, to claim or merge into someone you added.
      </EmptyState>
    );
  return (
    <ul className="plain stack" aria-label="People to claim">
      {unclaimed.map((p) => (
        <PersonItem key={p.id} person={p}>
          <h4 className="admin-subhead">Claim</h4>
          <ClaimForm person={p} teams={teams} onClaimed={onChanged} />
          <h4 className="admin-subhead">Or merge</h4>
          <MergeForm person={p} people={people} onMerged={onChanged} />
        </PersonItem>
      ))}
    </ul>
  );
}
