import type { TeamRecord } from '../../../../shared/api/admin';
import type { Role } from '../../../../shared/domain/people-model';

const ROLES: { value: Role; label: string }[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'admin', label: 'Admin' },
];

/** The role a person has: what they may see and do (an agent their own work; a supervisor their teams'). */
export function RoleField({ role, onChange }: { role: Role; onChange: (role: Role) => void }) {
  return (
    <label>
      Role
      <select value={role} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One team a person starts in (or none): adding or claiming someone; the editor sets several. */
export function TeamField({
  teams,
  teamId,
  onChange,
}: {
  teams: readonly TeamRecord[];
  teamId: string;
  onChange: (teamId: string) => void;
}) {
  return (
    <label>
      Team
      <select value={teamId} onChange={(e) => onChange(e.target.value)}>
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
