import { useCallback, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

const replied = receiptSentence('Reply sent.');

/** The card's author answers the agent on the same thread (the server lets the agent and the author reply). */
export function AuthorReplyForm({ cardId, onSent }: { cardId: string; onSent: () => void }) {
  const api = useApi();
  const [text, setText] = useState('');
  const send = useCallback((reply: string) => api.replyCoaching({ cardId, text: reply }), [api, cardId]);
  const { status, start } = useAction(send, replied);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    if (await start(text.trim())) {
      setText('');
      onSent();
    }
  };
  return (
    <form className="form reply" onSubmit={submit} aria-label="Answer on this card">
      <label>
        Your answer
        <textarea rows={2} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="small" disabled={!text.trim() || status.kind === 'running'}>
        Send answer
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
