import { useCallback, useState, type FormEvent } from 'react';
import type { CoachingCard } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { METRIC_LABELS } from '../../format/metrics';
import { dateTime, shortDate } from '../../format/time';

const ticked = receiptSentence('Saved');
const replied = receiptSentence('Reply sent');

/** One coaching card: where you are, where you could be, the advice, tasks to tick and a reply thread. */
export function CoachingCardView({ card, timeZone }: { card: CoachingCard; timeZone: string }) {
  const api = useApi();
  const [reply, setReply] = useState('');
  const tick = useCallback(
    (taskId: string, done: boolean) => api.tickTask({ cardId: card.id, taskId, done }),
    [api, card.id],
  );
  const send = useCallback((text: string) => api.replyCoaching({ cardId: card.id, text }), [api, card.id]);
  const tickAction = useAction(tick, ticked);
  const replyAction = useAction(send, replied);
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    if (await replyAction.start(reply.trim())) setReply('');
  };
  return (
    <article
      className="card coaching"
      aria-label={`Coaching from ${card.authorName}: ${METRIC_LABELS[card.focusMetric]}`}
    >
      <p className="meta">
        From {card.authorName} · {dateTime(card.createdAt, timeZone)}
        {card.completedAt && <span className="pill pill-done"> Completed</span>}
      </p>
      <h3>{METRIC_LABELS[card.focusMetric]}</h3>
      <dl className="facts">
        <dt>Where you are</dt>
        <dd>{card.current || '—'}</dd>
        <dt>Where you could be</dt>
        <dd>{card.potential || '—'}</dd>
      </dl>
      <p>{card.advice}</p>
      {card.tasks.length > 0 && (
        <fieldset className="tasks">
          <legend>Tasks</legend>
          {card.tasks.map((task) => {
            const done = optimistic[task.id] ?? task.doneAt !== null;
            return (
              <label key={task.id} className="check">
                <input
                  type="checkbox"
                  checked={done}
                  onChange={(e) => {
                    const next = e.target.checked;
                    setOptimistic((o) => ({ ...o, [task.id]: next }));
                    void tickAction
                      .start(task.id, next)
                      .then((r) => r === undefined && setOptimistic((o) => ({ ...o, [task.id]: !next })));
                  }}
                />
                {task.text}
                {task.due && <span className="meta"> · due {shortDate(task.due)}</span>}
              </label>
            );
          })}
          <ActionFeedback status={tickAction.status} />
        </fieldset>
      )}
      {card.replies.length > 0 && (
        <ol className="thread plain" aria-label="Replies">
          {card.replies.map((r) => (
            <li key={r.id}>
              <strong>{r.authorName}</strong> <span className="meta">{dateTime(r.at, timeZone)}</span>
              <p>{r.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form reply" onSubmit={submit} aria-label="Reply on this card">
        <label>
          Reply
          <textarea rows={2} value={reply} maxLength={2000} onChange={(e) => setReply(e.target.value)} />
        </label>
        <button type="submit" disabled={!reply.trim() || replyAction.status.kind === 'running'}>
          Send reply
        </button>
        <ActionFeedback status={replyAction.status} />
      </form>
    </article>
  );
}
