import type { TeamRecord } from '../../../../shared/api/admin';
import { TeamEditor } from './TeamEditor';

/** Every team as a disclosure to edit (zone, schedule, daily goal), then a form for a new one. */
export function TeamsSection({ teams, onChanged }: { teams: readonly TeamRecord[]; onChanged: () => void }) {
  return (
    <>
      {teams.length > 0 && (
        <ul className="plain stack" aria-label="Teams">
          {teams.map((t) => (
            <li key={t.id} className="card admin-item" aria-label={t.name}>
              <details>
                <summary>
                  <strong className="user-text">{t.name}</strong> <span className="meta">{t.timezone}</span>
                </summary>
                <TeamEditor team={t} onSaved={onChanged} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <h4 className="admin-subhead">Add a team</h4>
      <TeamEditor onSaved={onChanged} />
    </>
  );
}
