import { forwardRef, useCallback, useState } from 'react';
import type { Kudos } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { ago } from '../../format/time';
import { TicketLink } from './TicketLink';

const thanked = receiptSentence('Thanks sent');
/** Past this a message or a customer's words fold to a few lines, with a way to read it all. */
const LONG = 240;

/** One kudos, compact: the value, who and when on one line, what they saw, the ticket, a one-click thank-you. */
export const KudosItem = forwardRef<
  HTMLLIElement,
  { kudos: Kudos; now: number; isNew: boolean; highlighted: boolean }
>(function KudosItem({ kudos, now, isNew, highlighted }, ref) {
  const api = useApi();
  const thank = useCallback(() => api.thankKudos({ kudosId: kudos.id }), [api, kudos.id]);
  const { status, start } = useAction(thank, thanked);
  const [expanded, setExpanded] = useState(false);
  const canThank = kudos.kind !== 'customer' && kudos.fromPersonId !== null;
  const isThanked = kudos.thankedAt !== null || status.kind === 'done';
  const words = kudos.customerQuote ?? kudos.message;
  const long = words.length > LONG;
  const from = kudos.kind === 'customer' ? 'A customer' : kudos.fromName;
  return (
    <li
      ref={ref}
      tabIndex={-1}
      id={`kudos-${kudos.id}`}
      className={`kudos-item${isNew ? ' unread' : ''}${highlighted ? ' highlighted' : ''}`}
      aria-label={`Kudos from ${kudos.fromName}${isNew ? ', new' : ''}`}
    >
      <p className="kudos-head">
        <span className="tag">{kudos.value}</span> <strong className="user-text">{from}</strong>
        {kudos.kind === 'supervisor' ? <span className="meta"> (supervisor)</span> : null}
        <span className="meta"> · {ago(kudos.at, now)}</span>
        {isNew && <span className="pill pill-new">New</span>}
      </p>
      <div className={`kudos-words${long && !expanded ? ' folded' : ''}`}>
        {kudos.customerQuote ? (
          <blockquote className="quote user-text">“{kudos.customerQuote}”</blockquote>
        ) : (
          kudos.message && <p className="user-text">{kudos.message}</p>
        )}
      </div>
      <div className="kudos-foot">
        {long && (
          <button
            type="button"
            className="link"
            onClick={() => setExpanded((e) => !e)}
            aria-expanded={expanded}
          >
            {expanded ? 'Show less' : 'Read all'}
          </button>
        )}
        {(kudos.ticketId || kudos.ticketUrl) && (
          <TicketLink ticketId={kudos.ticketId} ticketUrl={kudos.ticketUrl} />
        )}
        {canThank && (
          <button
            type="button"
            className="small"
            disabled={isThanked || status.kind === 'running'}
            onClick={() => void start()}
            aria-label={isThanked ? `Thanked ${kudos.fromName}` : `Say thanks to ${kudos.fromName}`}
          >
            {isThanked ? 'Thanked ✓' : 'Say thanks'}
          </button>
        )}
      </div>
      <ActionFeedback status={status} />
    </li>
  );
});
