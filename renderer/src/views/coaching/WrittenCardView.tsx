import type { CoachingCard } from '../../../../shared/domain/people-model';
import { ProgressRing } from '../../components/ProgressRing';
import { METRIC_LABELS } from '../../format/metrics';
import { dateTime, shortDate } from '../../format/time';
import { AuthorReplyForm } from './AuthorReplyForm';

/** "2 of 3 tasks done", "No tasks". */
export function taskProgress(card: CoachingCard): string {
  const done = card.tasks.filter((t) => t.doneAt !== null).length;
  if (card.tasks.length === 0) return 'No tasks';
  return `${done} of ${card.tasks.length} ${card.tasks.length === 1 ? 'task' : 'tasks'} done`;
}

/**
 * A coaching card as the supervisor who wrote it sees it: the focus and advice they gave, how far the agent
 * is with each task, and the agent's replies. Read-only: the tasks are the agent's to tick.
 */
export function WrittenCardView({
  card,
  timeZone,
  selfId,
  onChanged,
}: {
  card: CoachingCard;
  timeZone: string;
  selfId: string;
  /** After the author answered: the list reloads to show it. */
  onChanged: () => void;
}) {
  const done = card.tasks.filter((t) => t.doneAt !== null).length;
  const ratio = card.tasks.length === 0 ? 0 : done / card.tasks.length;
  const progress = taskProgress(card);
  const replies = card.replies.length;
  return (
    <article className="card written-card" aria-label={`${METRIC_LABELS[card.focusMetric]}: ${progress}`}>
      <div className="written-head">
        {card.tasks.length > 0 && (
          <ProgressRing
            ratio={ratio}
            size={32}
            label={progress}
            tone={card.completedAt ? 'done' : 'neutral'}
          />
        )}
        <div className="written-title">
          <h4>{METRIC_LABELS[card.focusMetric]}</h4>
          <p className="meta">
            {card.authorId === selfId ? 'You wrote this' : `From ${card.authorName}`} ·{' '}
            {dateTime(card.createdAt, timeZone)}
          </p>
        </div>
        {card.completedAt ? (
          <span className="pill pill-done">Completed</span>
        ) : (
          <span className="pill">{progress}</span>
        )}
      </div>
      <details>
        <summary>
          Advice, tasks and{' '}
          {replies === 0 ? 'no replies yet' : replies === 1 ? '1 reply' : `${replies} replies`}
        </summary>
        {(card.current || card.potential) && (
          <dl className="facts">
            <dt>Where they are</dt>
            <dd className="user-text">{card.current || '—'}</dd>
            <dt>Where they could be</dt>
            <dd className="user-text">{card.potential || '—'}</dd>
          </dl>
        )}
        <p className="user-text">{card.advice}</p>
        {card.tasks.length > 0 && (
          <ul className="plain task-progress" aria-label="Tasks">
            {card.tasks.map((task) => (
              <li key={task.id} className={task.doneAt ? 'task-done' : undefined}>
                <span aria-hidden="true">{task.doneAt ? '✓' : '○'}</span>{' '}
                <span className="user-text">{task.text}</span>
                <span className="meta">
                  {task.doneAt ? ` · done ${dateTime(task.doneAt, timeZone)}` : ' · not done yet'}
                  {task.due && ` · due ${shortDate(task.due)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {replies > 0 && (
          <ol className="thread plain" aria-label="Replies">
            {card.replies.map((r) => (
              <li key={r.id}>
                <strong className="user-text">{r.authorName}</strong>{' '}
                <span className="meta">{dateTime(r.at, timeZone)}</span>
                <p className="user-text">{r.text}</p>
              </li>
            ))}
          </ol>
        )}
        {card.authorId === selfId && <AuthorReplyForm cardId={card.id} onSent={onChanged} />}
      </details>
    </article>
  );
}
