import { missionHelp } from '../../../../shared/domain/mission-help';
import type { MissionView, ProgressState } from '../../../../shared/domain/mission-model';
import { ProgressRing } from '../../components/ProgressRing';
import { guardrailLine, missionSentence } from '../../format/guardrails';
import { timeLeft } from '../../format/time';

const STATE_LABELS: Record<ProgressState, string> = {
  active: 'In progress',
  on_track: 'On track',
  at_risk: 'Not there yet',
  completed: 'Completed',
  missed: 'Not reached this time',
  cancelled: 'Cancelled',
};

// Being behind is information, not an alarm: it keeps the neutral colour.
const tone = (state: ProgressState) =>
  state === 'completed' ? 'done' : state === 'on_track' ? 'good' : 'neutral';

const GUARD_ICONS = { holds: '✓', watch: '○', waiting: '…' } as const;
const GUARD_SR = {
  holds: ' (holding)',
  watch: ' (not holding yet)',
  waiting: ' (not enough data yet)',
} as const;

/** One mission: ring, title, the human sentence, what would help, time left, state and each guardrail. */
export function MissionCard({ view }: { view: MissionView }) {
  const { mission, progress } = view;
  const running = mission.status === 'active';
  const help = missionHelp(view);
  return (
    <article className={`card mission state-${progress.state}`} aria-label={mission.title}>
      <ProgressRing
        ratio={progress.ratio}
        label={`${mission.title}: ${Math.round(progress.ratio * 100)}% done`}
        tone={tone(progress.state)}
      />
      <div className="mission-body">
        <h3 className="user-text">{mission.title}</h3>
        <p>{missionSentence(progress.sentence, progress.guardrails)}</p>
        {help && (
          <p className="help">
            <span aria-hidden="true">→ </span>
            {help}
          </p>
        )}
        <p className="meta">
          <span className={`pill pill-${tone(progress.state)}`}>{STATE_LABELS[progress.state]}</span>
          {running && <span> · {timeLeft(progress.msLeft)}</span>}
          {mission.origin === 'supervisor' && <span> · from your supervisor</span>}
        </p>
        {progress.guardrails.length > 0 && (
          <ul className="guardrails" aria-label="Guardrails">
            {progress.guardrails.map((g, i) => {
              const line = guardrailLine(g);
              return (
                <li key={`${g.guardrail.metric}-${i}`} className={`guard-${line.tone}`}>
                  <span aria-hidden="true">{GUARD_ICONS[line.tone]}</span> {line.text}
                  <span className="sr-only">{GUARD_SR[line.tone]}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </article>
  );
}
