import type { MissionView, ProgressState } from '../../../../shared/domain/mission-model';
import { ProgressRing } from '../../components/ProgressRing';
import { timeLeft } from '../../format/time';

const STATE_LABELS: Record<ProgressState, string> = {
  active: 'In progress',
  on_track: 'On track',
  at_risk: 'At risk',
  completed: 'Completed',
  missed: 'Not reached this time',
  cancelled: 'Cancelled',
};

const tone = (state: ProgressState) =>
  state === 'completed' ? 'done' : state === 'at_risk' ? 'risk' : state === 'on_track' ? 'good' : 'neutral';

/** One mission: ring, title, the human sentence, time left, state and each guardrail's status. */
export function MissionCard({ view }: { view: MissionView }) {
  const { mission, progress } = view;
  const running = mission.status === 'active';
  return (
    <article className={`card mission state-${progress.state}`} aria-label={mission.title}>
      <ProgressRing
        ratio={progress.ratio}
        label={`${mission.title}: ${Math.round(progress.ratio * 100)}% done`}
        tone={tone(progress.state)}
      />
      <div className="mission-body">
        <h3>{mission.title}</h3>
        <p>{progress.sentence}</p>
        <p className="meta">
          <span className={`pill pill-${tone(progress.state)}`}>{STATE_LABELS[progress.state]}</span>
          {running && <span> · {timeLeft(progress.msLeft)}</span>}
          {mission.origin === 'supervisor' && <span> · from your supervisor</span>}
        </p>
        {progress.guardrails.length > 0 && (
          <ul className="guardrails" aria-label="Guardrails">
            {progress.guardrails.map((g, i) => (
              <li
                key={`${g.guardrail.metric}-${i}`}
                className={g.holds === false ? 'broken' : g.holds ? 'holds' : 'unknown'}
              >
                <span aria-hidden="true">{g.holds === false ? '!' : g.holds ? '✓' : '…'}</span> {g.sentence}
                <span className="sr-only">
                  {g.holds === false
                    ? ' (not holding right now)'
                    : g.holds
                      ? ' (holding)'
                      : ' (not enough data yet)'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
