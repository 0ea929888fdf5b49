import { useState, type FormEvent } from 'react';
import type { TeamRecord } from '../../../../shared/api/admin';
import { Handle } from '../../../../shared/api/ingest';
import type { Role } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { Outcome, Problem, useAdminAction } from './use-admin-action';
import { RoleField, TeamField } from './PersonFields';

/** A new person with a role, a team and their helpdesk handles (comma-separated). */
export function AddPersonForm({ teams, onAdded }: { teams: readonly TeamRecord[]; onAdded: () => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamId, setTeamId] = useState('');
  const [handles, setHandles] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, outcome, run } = useAdminAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = handles
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const bad = list.find((h) => !Handle.safeParse(h).success);
    if (!name.trim()) return setProblem('Give the person a name.');
    if (bad) return setProblem(`“${bad}” is not a handle: use a kind and an id, like zendesk:123.`);
    setProblem(null);
    const team = teams.find((t) => t.id === teamId);
    const made = await run(
      'add',
      () =>
        api.adminCreatePerson({
          name: name.trim(),
          role,
          teamIds: team ? [team.id] : [],
          handles: list,
          ...(team ? { timezone: team.timezone } : {}),
        }),
      (p) => `Added ${p.name}.`,
    );
    if (made) {
      setName('');
      setHandles('');
      onAdded();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Add a person">
      <h4 className="admin-subhead">Add a person</h4>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <div className="row">
        <RoleField role={role} onChange={setRole} />
        <TeamField teams={teams} teamId={teamId} onChange={setTeamId} />
      </div>
      <label>
        Handles (comma-separated)
        <input
          value={handles}
          onChange={(e) => setHandles(e.target.value)}
          placeholder="zendesk:123, email:a@b.c"
        />
      </label>
      <button type="submit" className="small" disabled={busy !== null}>
        {busy ? 'Adding…' : 'Add the person'}
      </button>
      <Problem problem={problem} />
      <Outcome outcome={outcome} />
    </form>
  );
}
