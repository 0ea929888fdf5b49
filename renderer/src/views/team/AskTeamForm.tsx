import { useCallback, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { AskTeamBody } from '../../../../shared/api/actions';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

/**
 * "Asked before change": a question to the team before deciding, with options or free text, optionally
 * anonymous, until a closing date. The agents answer from their popover.
 */
export function AskTeamForm({ overview, onAsked }: { overview: TeamOverview; onAsked: () => void }) {
  const api = useApi();
  const [question, setQuestion] = useState('');
  const [details, setDetails] = useState('');
  const [kind, setKind] = useState<'options' | 'text'>('options');
  const [options, setOptions] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [closes, setCloses] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const ask = useCallback(
    (body: z.output<typeof AskTeamBody>) => api.askTeam({ teamId: overview.teamId, ...body }),
    [api, overview.teamId],
  );
  const { status, start } = useAction(ask, () => 'Asked — your team sees it now.');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const closesAt = closes ? new Date(closes) : null;
    const parsed = AskTeamBody.safeParse({
      question,
      details,
      kind,
      options:
        kind === 'options'
          ? options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
      anonymous,
      closesAt: closesAt && !Number.isNaN(closesAt.getTime()) ? closesAt.toISOString() : '',
    });
    if (!parsed.success) {
      setInvalid(
        parsed.error.issues.some((i) => i.path[0] === 'closesAt')
          ? 'Pick when the question closes.'
          : 'Write the question (and its options, one a line).',
      );
      return;
    }
    if (kind === 'options' && parsed.data.options.length < 2) {
      setInvalid('Give at least two options, one a line.');
      return;
    }
    setInvalid(null);
    if (await start(parsed.data)) {
      setQuestion('');
      setDetails('');
      setOptions('');
      onAsked();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Ask the team">
      <label>
        Question
        <input
          type="text"
          value={question}
          maxLength={300}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="Friday late shifts: keep, rotate or drop?"
        />
      </label>
      <label>
        Context (optional)
        <textarea rows={2} maxLength={4000} value={details} onChange={(e) => setDetails(e.target.value)} />
      </label>
      <label>
        Answers
        <select value={kind} onChange={(e) => setKind(e.target.value === 'text' ? 'text' : 'options')}>
          <option value="options">Options to pick from</option>
          <option value="text">Free text</option>
        </select>
      </label>
      {kind === 'options' && (
        <label>
          Options, one a line
          <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
        </label>
      )}
      <label>
        Closes
        <input type="datetime-local" value={closes} onChange={(e) => setCloses(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymous (nobody, you included, can see who answered what)
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'running'}>
        Ask the team
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
