import { useCallback, useState, type FormEvent } from 'react';
import type { Consultation } from '../../../../shared/domain/consultation-model';
import { answerProblem, consultationPhase } from '../../../../shared/domain/consultations';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { dateTime } from '../../format/time';
import { ConsultationResultsList } from './ConsultationResultsList';

const sent = receiptSentence('Answer sent — thank you for saying what you think.');

/** One question the team was asked: answer it while open, then see what was decided and why. */
export function ConsultationCard({
  consultation: c,
  timeZone,
  now,
}: {
  consultation: Consultation;
  timeZone: string;
  now: number;
}) {
  const api = useApi();
  const [optionId, setOptionId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const send = useCallback(
    () => api.answerConsultation({ consultationId: c.id, optionId, text }),
    [api, c.id, optionId, text],
  );
  const { status, start } = useAction(send, sent);
  const phase = consultationPhase(c, new Date(now).toISOString());
  const canSend = answerProblem(c, { optionId, text }, new Date(now).toISOString(), c.answered) === null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) void start();
  };
  const answeredNow = status.kind === 'done';
  return (
    <li className="card consultation" aria-label={c.question}>
      <p className="meta">
        {c.authorName} asks · {c.anonymous ? 'anonymous: your name is not kept with your answer' : 'named'} ·{' '}
        {phase === 'open'
          ? `closes ${dateTime(c.closesAt, timeZone)}`
          : phase === 'decided'
            ? 'decided'
            : 'closed'}
      </p>
      <h3 className="user-text">{c.question}</h3>
      {c.details && <p className="user-text">{c.details}</p>}
      {phase === 'open' && !c.answered && !answeredNow && (
        <form className="form" onSubmit={submit} aria-label={`Answer: ${c.question}`}>
          {c.kind === 'options' && (
            <fieldset>
              <legend>Your answer</legend>
              {c.options.map((o) => (
                <label key={o.id} className="check">
                  <input
                    type="radio"
                    name={`answer-${c.id}`}
                    checked={optionId === o.id}
                    onChange={() => setOptionId(o.id)}
                  />
                  <span className="user-text">{o.label}</span>
                </label>
              ))}
            </fieldset>
          )}
          <label>
            {c.kind === 'options' ? 'Anything to add (optional)' : 'Your answer'}
            <textarea rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!canSend || status.kind === 'running'}>
            Send answer
          </button>
        </form>
      )}
      <ActionFeedback status={status} />
      {phase !== 'decided' && (c.answered || answeredNow) && (
        <p className="meta">You answered. {c.authorName} shares what was decided, and why, once it closes.</p>
      )}
      {phase === 'awaiting_decision' && !c.answered && (
        <p className="meta">Closed — {c.authorName} is deciding now.</p>
      )}
      {c.decision && (
        <div className="decision">
          <p>
            <strong>We decided:</strong> <span className="user-text">{c.decision.decided}</span>
          </p>
          <p>
            <strong>Why:</strong> <span className="user-text">{c.decision.why}</span>
          </p>
          {c.publishedResults && <ConsultationResultsList results={c.publishedResults} />}
        </div>
      )}
    </li>
  );
}
