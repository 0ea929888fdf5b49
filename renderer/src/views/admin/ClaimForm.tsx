import { useState, type FormEvent } from 'react';
import type { PersonRecord, TeamRecord } from '../../../../shared/api/admin';
import type { Role } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { Outcome, useAdminAction } from './use-admin-action';
import { RoleField, TeamField } from './PersonFields';

/**
 * Claims a person the helpdesk created: gives them a role, a team and a time zone, after which syncs never
 * rename them and they can be given a device.
 */
export function ClaimForm({
  person,
  teams,
  onClaimed,
}: {
  person: PersonRecord;
  teams: readonly TeamRecord[];
  onClaimed: () => void;
}) {
  const api = useApi();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [role, setRole] = useState<Role>('agent');
  const [timezone, setTimezone] = useState(teams[0]?.timezone ?? person.timezone);
  const { busy, outcome, run } = useAdminAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(
      'claim',
      () =>
        api.adminUpdatePerson({
          id: person.id,
          change: {
            claimed: true,
            role,
            teamIds: teamId ? [teamId] : [],
            ...(timezone.trim() ? { timezone: timezone.trim() } : {}),
          },
        }),
      (p) => `${p.name} is claimed.`,
    );
    if (done) onClaimed();
  };
  return (
    <form className="form" onSubmit={submit} aria-label={`Claim ${person.name}`}>
      <div className="row">
        <TeamField
          teams={teams}
          teamId={teamId}
          onChange={(id) => {
            setTeamId(id);
            // A claimed person usually works in their team's zone: offered, still editable below.
            const zone = teams.find((t) => t.id === id)?.timezone;
            if (zone) setTimezone(zone);
          }}
        />
        <RoleField role={role} onChange={setRole} />
      </div>
      <label>
        Time zone
        <input value={timezone} onChange={(e) => setTimezone(e.target.value)} placeholder="Europe/Warsaw" />
      </label>
      <button type="submit" className="small" disabled={busy !== null}>
        {busy ? 'Claiming…' : 'Claim'}
        <span className="sr-only"> {person.name}</span>
      </button>
      <Outcome outcome={outcome} />
    </form>
  );
}
