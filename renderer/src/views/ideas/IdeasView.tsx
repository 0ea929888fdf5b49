import type { z } from 'zod';
import { useCallback, useState, type FormEvent } from 'react';
import { SubmitIdeaBody } from '../../../../shared/api/actions';
import type { Snapshot } from '../../../../shared/api/snapshot';
import type { IdeaStatus } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useNow } from '../../components/use-now';
import { ConsultationCard } from './ConsultationCard';
import { YouSaidWeDid } from './YouSaidWeDid';

export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = {
  new: 'New',
  heard: 'Heard',
  planned: 'Planned',
  done: 'Done',
  declined: 'Declined',
};
const sent = receiptSentence('Idea sent — thank you');

/**
 * The agent's voice: questions the team is asked before a change, ideas and feedback (optionally anonymous),
 * and one "you said, we did" history of both.
 */
export function IdeasView({ snapshot }: { snapshot: Snapshot }) {
  const api = useApi();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const submitIdea = useCallback((input: z.output<typeof SubmitIdeaBody>) => api.submitIdea(input), [api]);
  const { status, start } = useAction(submitIdea, sent);
  const now = useNow();
  const asked = snapshot.consultations.filter((c) => c.decision === null);
  const ideas = [...snapshot.ideas].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SubmitIdeaBody.safeParse({ title, body, anonymous });
    if (!parsed.success) return;
    if (await start(parsed.data)) {
      setTitle('');
      setBody('');
    }
  };
  return (
    <>
      {asked.length > 0 && (
        <Section title="Your team asks">
          <ul className="plain stack">
            {asked.map((c) => (
              <ConsultationCard key={c.id} consultation={c} timeZone={snapshot.person.timezone} now={now} />
            ))}
          </ul>
        </Section>
      )}
      <Section title="Share an idea">
        <form className="form" onSubmit={submit} aria-label="Share an idea">
          <label>
            Idea
            <input
              type="text"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="A macro for refund follow-ups"
              required
            />
          </label>
          <label>
            Details (optional)
            <textarea rows={3} value={body} maxLength={4000} onChange={(e) => setBody(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            Send anonymously (your name is not stored with it)
          </label>
          <button type="submit" className="primary" disabled={!title.trim() || status.kind === 'running'}>
            Send idea
          </button>
          <ActionFeedback status={status} />
        </form>
      </Section>
      <Section title="You said, we did">
        <YouSaidWeDid snapshot={snapshot} />
      </Section>
      <Section title="Your ideas">
        {ideas.length === 0 ? (
          <EmptyState title="No ideas sent yet">
            Anything that would make the work better — a macro, a process, a tool. Your supervisor answers and
            moves it from new to heard, planned and done.
          </EmptyState>
        ) : (
          <ul className="plain stack">
            {ideas.map((idea) => (
              <li key={idea.id} className="card idea">
                <p className="meta">
                  <span className={`pill pill-status-${idea.status}`}>{IDEA_STATUS_LABELS[idea.status]}</span>
                  {idea.anonymous && <span> · anonymous</span>}
                </p>
                <h3 className="user-text">{idea.title}</h3>
                {idea.body && <p className="user-text">{idea.body}</p>}
                {idea.response && <blockquote className="quote user-text">{idea.response}</blockquote>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
