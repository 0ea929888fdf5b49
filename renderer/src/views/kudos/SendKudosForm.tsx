import { useCallback, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { SendKudosBody } from '../../../../shared/api/actions';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { KudosValue } from '../../../../shared/domain/people-model';
import { kudosAllowance } from '../../../../shared/domain/kudos-rules';
import { useApi } from '../../api/api-context';
import { useDraft } from '../../api/use-draft';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { ticketFields } from '../../format/ticket';
import { KudosDraft, kudosDraftKey } from './kudos-draft';

const sent = receiptSentence('Kudos sent');

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
  const firstChoice = teammates.find((m) => m.id === initialTo)?.id ?? teammates[0]?.id ?? '';
  // What is being typed survives a revoked token, a reload or the popover closing, until it is sent.
  const [draft, setDraft, clearDraft] = useDraft(kudosDraftKey(snapshot.person.id), KudosDraft, () => ({
    to: firstChoice,
    value: 'Teamwork' as const,
    message: '',
    ticket: '',
  }));
  const set = (patch: Partial<z.output<typeof KudosDraft>>) => setDraft({ ...draft, ...patch });
  // A teammate asked for by name (the team view's "Send … kudos") wins over the draft's recipient.
  const [to, setTo] = useState(
    teammates.some((m) => m.id === initialTo)
      ? firstChoice
      : (teammates.find((m) => m.id === draft.to)?.id ?? firstChoice),
  );
  const [invalid, setInvalid] = useState<string | null>(null);
  // Supervisors' and admins' kudos are uncapped: the domain says so instead of "5 of 5 left".
  const allowance = kudosAllowance({ role: snapshot.person.role, ...snapshot.kudos });
  const send = useCallback((body: SendKudosBody) => api.sendKudos(body), [api]);
  const { status, start } = useAction(send, sent);

  if (teammates.length === 0) {
    return (
      <p className="muted">You are not in a team with anyone yet, so there is nobody to send kudos to.</p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SendKudosBody.safeParse({
      toPersonId: to,
      value: draft.value,
      message: draft.message,
      ...ticketFields(draft.ticket),
    });
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
    if (await start(parsed.data)) clearDraft();
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Send kudos">
      <p className="meta" aria-live="polite">
        {allowance.sentence}
      </p>
      <label>
        Send to
        <select
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            set({ to: e.target.value });
          }}
        >
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
          <label key={option} className={`tag-choice${option === draft.value ? ' chosen' : ''}`}>
            <input
              type="radio"
              name="kudos-value"
              value={option}
              checked={option === draft.value}
              onChange={() => set({ value: option })}
            />
            {option}
          </label>
        ))}
      </fieldset>
      <label>
        What they did
        <textarea
          value={draft.message}
          onChange={(e) => set({ message: e.target.value })}
          rows={3}
          maxLength={1000}
          placeholder="Took over the angry refund call and turned it around"
        />
      </label>
      <label>
        Ticket (optional)
        <input
          type="text"
          value={draft.ticket}
          onChange={(e) => set({ ticket: e.target.value })}
          placeholder="4521 or a link to it"
        />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={allowance.remaining === 0 || status.kind === 'running'}
      >
        {status.kind === 'running' ? 'Sending…' : 'Send kudos'}
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
