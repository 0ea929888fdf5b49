import { useCallback, useState, type FormEvent } from 'react';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { KudosValue } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

/**
 * Recognises the whole team at once ("the backlog is gone — thank you all"): every agent gets it in their
 * inbox as a pop-up. Specific appreciation still comes first, so the form asks what the team did.
 */
export function TeamKudosForm({ overview }: { overview: TeamOverview }) {
  const api = useApi();
  const [value, setValue] = useState<KudosValue>('Teamwork');
  const [message, setMessage] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const send = useCallback(
    (text: string) =>
      api.sendTeamKudos({ teamId: overview.teamId, value, message: text, ticketId: null, ticketUrl: null }),
    [api, overview.teamId, value],
  );
  const { status, start } = useAction(send, (r) =>
    r.kudosIds.length === 1 ? 'Sent to 1 person.' : `Sent to ${r.kudosIds.length} people.`,
  );
  if (overview.members.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (!text) {
      setInvalid('Say what the team did: specific thanks are the ones people remember.');
      return;
    }
    setInvalid(null);
    if (await start(text)) setMessage('');
  };
  return (
    <form className="form" onSubmit={submit} aria-label={`Kudos to everyone in ${overview.name}`}>
      <label>
        The value they showed
        <select value={value} onChange={(e) => setValue(KudosValue.parse(e.target.value))}>
          {KudosValue.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <label>
        What the team did
        <textarea
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          rows={2}
          maxLength={1000}
          placeholder="Cleared the refund backlog before the holiday rush"
        />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" disabled={status.kind === 'running'}>
        Send to the whole team
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
