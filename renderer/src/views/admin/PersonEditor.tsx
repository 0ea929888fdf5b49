import { useState, type FormEvent } from 'react';
import type { PersonRecord, TeamRecord } from '../../../../shared/api/admin';
import { Handle } from '../../../../shared/api/ingest';
import type { Role } from '../../../../shared/domain/people-model';
import type { Absence } from '../../../../shared/domain/streak-model';
import { useApi } from '../../api/api-context';
import { Outcome, Problem, useAdminAction } from './use-admin-action';
import { RoleField } from './PersonFields';

const ABSENCE_KINDS: { value: Absence['kind']; label: string }[] = [
  { value: 'leave', label: 'Leave' },
  { value: 'sick', label: 'Sick' },
  { value: 'holiday', label: 'Holiday' },
  { value: 'day_off', label: 'Day off' },
];
const kindLabel = (kind: Absence['kind']) => ABSENCE_KINDS.find((k) => k.value === kind)?.label ?? kind;

/**
 * A person's role, teams, handles and absences (days that never break a streak). Handles are added, not edited:
 * a handle names the person in helpdesk events, and moving one is a merge.
 */
export function PersonEditor({
  person,
  teams,
  onSaved,
}: {
  person: PersonRecord;
  teams: readonly TeamRecord[];
  onSaved: () => void;
}) {
  const api = useApi();
  const [role, setRole] = useState<Role>(person.role);
  const [teamIds, setTeamIds] = useState<string[]>(person.teamIds);
  const [handle, setHandle] = useState('');
  const [absences, setAbsences] = useState<Absence[]>(person.absences);
  const [absenceDate, setAbsenceDate] = useState('');
  const [absenceKind, setAbsenceKind] = useState<Absence['kind']>('leave');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, outcome, run } = useAdminAction();

  const addAbsence = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(absenceDate)) {
      setProblem('Pick the date of the absence first.');
      return;
    }
    setProblem(null);
    setAbsences((list) =>
      [...list.filter((a) => a.date !== absenceDate), { date: absenceDate, kind: absenceKind }].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    );
    setAbsenceDate('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const newHandle = handle.trim();
    if (newHandle && !Handle.safeParse(newHandle).success) {
      setProblem('A handle is a kind and an id, like zendesk:123 or email:ana@example.com.');
      return;
    }
    setProblem(null);
    const saved = await run(
      'save',
      () =>
        api.adminUpdatePerson({
          id: person.id,
          change: { role, teamIds, absences, ...(newHandle ? { addHandles: [newHandle] } : {}) },
        }),
      (p) => `Saved ${p.name}.`,
    );
    if (saved) {
      setHandle('');
      onSaved();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={`Edit ${person.name}`}>
      <RoleField role={role} onChange={setRole} />
      <fieldset>
        <legend>Teams</legend>
        {teams.length === 0 && <p className="meta">No teams yet: add one under Teams.</p>}
        {teams.map((t) => (
          <label key={t.id} className="check">
            <input
              type="checkbox"
              checked={teamIds.includes(t.id)}
              onChange={(e) =>
                setTeamIds((ids) => (e.target.checked ? [...ids, t.id] : ids.filter((id) => id !== t.id)))
              }
            />
            {t.name}
          </label>
        ))}
      </fieldset>
      <p className="meta">
        Handles: <span className="user-text">{person.handles.join(', ') || 'none'}</span>
      </p>
      <label>
        Add a handle
        <input value={handle} onChange={(e) => setHandle(e.target.value)} placeholder="zendesk:123" />
      </label>
      <fieldset>
        <legend>Absences</legend>
        {absences.length === 0 ? (
          <p className="meta">None.</p>
        ) : (
          <ul className="plain">
            {absences.map((a) => (
              <li key={a.date}>
                {a.date} — {kindLabel(a.kind)}{' '}
                <button
                  type="button"
                  className="small"
                  onClick={() => setAbsences((list) => list.filter((x) => x.date !== a.date))}
                >
                  Remove<span className="sr-only"> the absence on {a.date}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <label>
            Date
            <input type="date" value={absenceDate} onChange={(e) => setAbsenceDate(e.target.value)} />
          </label>
          <label>
            Kind
            <select value={absenceKind} onChange={(e) => setAbsenceKind(e.target.value as Absence['kind'])}>
              {ABSENCE_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="button" className="small" onClick={addAbsence}>
          Add the absence
        </button>
      </fieldset>
      <button type="submit" className="primary" disabled={busy !== null}>
        {busy ? 'Saving…' : 'Save'}
        <span className="sr-only"> {person.name}</span>
      </button>
      <Problem problem={problem} />
      <Outcome outcome={outcome} />
    </form>
  );
}
