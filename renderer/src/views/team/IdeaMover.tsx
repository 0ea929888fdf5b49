import { useCallback, useState } from 'react';
import { IdeaStatus, type Idea } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { IDEA_STATUS_LABELS } from '../ideas/IdeasView';

/** A team idea with a way to answer it and move it along new → heard → planned → done / declined. */
export function IdeaMover({
  idea,
  authorName,
  onMoved,
}: {
  idea: Idea;
  /** The sender's name when they are in this team; anonymous ideas never have one. */
  authorName: string | null;
  onMoved: () => void;
}) {
  const api = useApi();
  const [status, setStatus] = useState<IdeaStatus>(idea.status);
  const [response, setResponse] = useState(idea.response ?? '');
  const move = useCallback(
    () => api.moveIdea({ ideaId: idea.id, status, response: response.trim() || null }),
    [api, idea.id, status, response],
  );
  const action = useAction(move, () => 'Updated.');
  return (
    <li className="card idea">
      <h3 className="user-text">{idea.title}</h3>
      <p className="meta">
        {idea.anonymous ? 'Sent anonymously' : `From ${authorName ?? 'someone outside this team'}`} · now{' '}
        {IDEA_STATUS_LABELS[idea.status]}
      </p>
      {idea.body && <p className="user-text">{idea.body}</p>}
      <div className="row">
        <label className="inline">
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus)}>
            {IdeaStatus.options.map((s) => (
              <option key={s} value={s}>
                {IDEA_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Your answer
        <textarea rows={2} value={response} maxLength={4000} onChange={(e) => setResponse(e.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => void action.start().then((r) => r && onMoved())}
        disabled={action.status.kind === 'running'}
        aria-label={`Update idea: ${idea.title}`}
      >
        Update idea
      </button>
      <ActionFeedback status={action.status} />
    </li>
  );
}
