import { useCallback, useState, type FormEvent } from 'react';
import { RecordCheckInBody } from '../../../../shared/api/growth-plans';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

type Request = RecordCheckInBody & { agentId: string };

/** The supervisor records a check-in held on a shared plan, with what was agreed and the next date. */
export function CheckInForm({
  agentId,
  name,
  onRecorded,
}: {
  agentId: string;
  name: string;
  onRecorded: () => void;
}) {
  const api = useApi();
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const record = useCallback((body: Request) => api.recordCheckIn(body), [api]);
  const { status, start } = useAction(record, () => 'Check-in recorded on their timeline.');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = RecordCheckInBody.safeParse({ note: note.trim(), nextCheckIn: next || null });
    if (!parsed.success) {
      setInvalid('Give the next check-in a full date, or leave it empty.');
      return;
    }
    setInvalid(null);
    if (await start({ ...parsed.data, agentId })) {
      setNote('');
      onRecorded();
    }
  };
  return (
    <form className="form plan-check-in-form" onSubmit={submit} aria-label={`Record a check-in with ${name}`}>
      <label>
        What you agreed
        <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        Next check-in
        <input type="date" value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="small" disabled={status.kind === 'running'}>
        Record check-in
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
