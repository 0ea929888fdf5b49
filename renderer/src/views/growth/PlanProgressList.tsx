import type { PlanProgress } from '../../../../shared/domain/growth-plan-model';
import { evidenceCount } from './plan-words';

/** Each skill with its evidence: met ones ticked, kudos counted (have / need). Read-only, for owner and readers. */
export function PlanProgressList({ progress }: { progress: PlanProgress }) {
  if (progress.skills.length === 0) return <p className="meta">No skills on the plan yet.</p>;
  return (
    <ul className="plain stack plan-skills">
      {progress.skills.map((skill) => (
        <li key={skill.name}>
          <div className="plan-skill-head">
            <strong className="user-text">{skill.name}</strong>
            <span className="meta">{evidenceCount(skill.met, skill.total)}</span>
          </div>
          {skill.total > 0 && (
            <progress
              max={skill.total}
              value={skill.met}
              aria-label={`${skill.name}: ${evidenceCount(skill.met, skill.total)}`}
            />
          )}
          <ul className="plain plan-evidence">
            {skill.evidence.map((e) => (
              <li key={e.key} className={e.met ? 'plan-met' : undefined}>
                <span aria-hidden="true">{e.met ? '✓' : '○'}</span>{' '}
                <span className="user-text">{e.label}</span>
                {e.need > 1 && (
                  <span className="meta">
                    {' '}
                    ({e.have}/{e.need})
                  </span>
                )}
                <span className="sr-only">{e.met ? ' — done' : ' — not yet'}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
