import { useCallback, useState, type FormEvent } from 'react';
import type { ConsultationOverview } from '../../../../shared/api/supervisor';
import { consultationPhase } from '../../../../shared/domain/consultations';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { dateTime } from '../../format/time';
import { ConsultationResultsList } from '../ideas/ConsultationResultsList';

/** A question to the team with its live results, and the form that closes the loop: what was decided and why. */
export function ConsultationReview({
  consultation: c,
  timeZone,
  now,
  onDecided,
}: {
  consultation: ConsultationOverview;
  timeZone: string;
  now: number;
  onDecided: () => void;
}) {
  const api = useApi();
  const [decided, setDecided] = useState('');
  const [why, setWhy] = useState('');
  const decide = useCallback(
    () => api.decideConsultation({ consultationId: c.id, decided, why }),
    [api, c.id, decided, why],
  );
  const { status, start } = useAction(decide, () => 'Shared with everyone who was asked.');
  const phase = consultationPhase(c, new Date(now).toISOString());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (decided.trim() && why.trim() && (await start())) onDecided();
  };
  const label = (optionId: string | null) => c.options.find((o) => o.id === optionId)?.label ?? null;
  return (
    <li className="card consultation" aria-label={c.question}>
      <p className="meta">
        {c.anonymous ? 'Anonymous' : 'Named'} · {c.results.answers} of {c.teamAgents} answered ·{' '}
        {phase === 'open'
          ? `closes ${dateTime(c.closesAt, timeZone)}`
          : phase === 'decided'
            ? 'decided'
            : 'closed: your team waits for your answer'}
      </p>
      <h3 className="user-text">{c.question}</h3>
      <ConsultationResultsList results={c.results} />
      {c.namedAnswers.length > 0 && (
        <ul className="plain stack" aria-label="Who said what">
          {c.namedAnswers.map((a) => (
            <li key={a.personId} className="user-text">
              <strong>{a.name}</strong>: {[label(a.optionId), a.text].filter(Boolean).join(' — ')}
            </li>
          ))}
        </ul>
      )}
      {c.decision ? (
        <p>
          <strong>You decided:</strong> <span className="user-text">{c.decision.decided}</span> —{' '}
          <span className="user-text">{c.decision.why}</span>
        </p>
      ) : (
        <form className="form" onSubmit={submit} aria-label={`Close the loop: ${c.question}`}>
          <label>
            What was decided
            <textarea
              rows={2}
              maxLength={2000}
              value={decided}
              onChange={(e) => setDecided(e.target.value)}
            />
          </label>
          <label>
            Why
            <textarea rows={2} maxLength={4000} value={why} onChange={(e) => setWhy(e.target.value)} />
          </label>
          <button type="submit" disabled={!decided.trim() || !why.trim() || status.kind === 'running'}>
            Share the decision
          </button>
          <ActionFeedback status={status} />
        </form>
      )}
    </li>
  );
}
