import { useCallback, useState, type FormEvent } from 'react';
import { SendKudosBody } from '../../../../shared/api/actions';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { KudosValue } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

const sent = receiptSentence('Kudos sent');

/** "Ticket 4521" or a link: a link is kept as the ticket URL and its last path segment as the id. */
function ticketFields(input: string): { ticketId: string | null; ticketUrl: string | null } {
  const text = input.trim();
  if (!text) return { ticketId: null, ticketUrl: null };
  if (/^https?:\/\//i.test(text)) {
    const last = text.replace(/\/+$/, '').split('/').pop() ?? null;
    return { ticketId: last, ticketUrl: text };
  }
  return { ticketId: text.replace(/^#/, ''), ticketUrl: null };
}

/** Send kudos to a teammate: who, the value they showed, what they did, optionally which ticket. */
export function SendKudosForm({
  snapshot,
  initialTo = null,
}: {
  snapshot: Snapshot;
  initialTo?: string | null;
}) {
  const api = useApi();
  const teammates = (snapshot.team?.members ?? []).filter((m) => m.id !== snapshot.person.id);
  const [to, setTo] = useState(teammates.find((m) => m.id === initialTo)?.id ?? teammates[0]?.id ?? '');
  const [value, setValue] = useState<KudosValue>('Teamwork');
  const [message, setMessage] = useState('');
  const [ticket, setTicket] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const left = Math.max(0, snapshot.kudos.dailyCap - snapshot.kudos.sentToday);
  const send = useCallback((body: SendKudosBody) => api.sendKudos(body), [api]);
  const { status, start } = useAction(send, sent);

  if (teammates.length === 0) {
    return (
      <p className="muted">You are not in a team with anyone yet, so there is nobody to send kudos to.</p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SendKudosBody.safeParse({ toPersonId: to, value, message, ...ticketFields(ticket) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInvalid(
        issue?.path[0] === 'ticketUrl'
          ? 'The ticket link is not a valid http(s) address.'
          : issue?.path[0] === 'message'
            ? 'Say what they did — one sentence is enough.'
            : (issue?.message ?? 'Check the form.'),
      );
      return;
    }
    setInvalid(null);
    if (await start(parsed.data)) {
      setMessage('');
      setTicket('');
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Send kudos">
      <p className="meta" aria-live="polite">
        {left === 0
          ? 'You have given all your kudos for today — thank you! More tomorrow.'
          : `${left} of ${snapshot.kudos.dailyCap} kudos left to give today.`}
      </p>
      <label>
        Send to
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          {teammates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="tags">
        <legend>The value they showed</legend>
        {KudosValue.options.map((option) => (
          <label key={option} className={`tag-choice${option === value ? ' chosen' : ''}`}>
            <input
              type="radio"
              name="kudos-value"
              value={option}
              checked={option === value}
              onChange={() => setValue(option)}
            />
            {option}
          </label>
        ))}
      </fieldset>
      <label>
        What they did
        <textarea
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          rows={3}
          maxLength={1000}
          placeholder="Took over the angry refund call and turned it around"
        />
      </label>
      <label>
        Ticket (optional)
        <input
          type="text"
          value={ticket}
          onChange={(e) => setTicket(e.target.value)}
          placeholder="4521 or a link to it"
        />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="primary" disabled={left === 0 || status.kind === 'running'}>
        {status.kind === 'running' ? 'Sending…' : 'Send kudos'}
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
