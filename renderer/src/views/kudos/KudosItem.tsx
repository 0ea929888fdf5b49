import { useCallback } from 'react';
import type { Kudos } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { ago } from '../../format/time';
import { TicketLink } from './TicketLink';

const thanked = receiptSentence('Thanks sent');

/** One kudos: who, what they saw, the value, the ticket, and a one-click thank-you. */
export function KudosItem({ kudos, now, highlighted }: { kudos: Kudos; now: number; highlighted: boolean }) {
  const api = useApi();
  const thank = useCallback(() => api.thankKudos({ kudosId: kudos.id }), [api, kudos.id]);
  const { status, start } = useAction(thank, thanked);
  const unread = kudos.readAt === null;
  const canThank = kudos.kind !== 'customer' && kudos.fromPersonId !== null;
  const isThanked = kudos.thankedAt !== null || status.kind === 'done';
  return (
    <li
      className={`card kudos${unread ? ' unread' : ''}${highlighted ? ' highlighted' : ''}`}
      aria-label={`Kudos from ${kudos.fromName}${unread ? ', new' : ''}`}
    >
      <p className="meta">
        {unread && <span className="pill pill-new">New</span>} <strong>{kudos.fromName}</strong>
        {kudos.kind === 'customer'
          ? ' (customer)'
          : kudos.kind === 'supervisor'
            ? ' (supervisor)'
            : ''} · {ago(kudos.at, now)}
      </p>
      <p className="kudos-value">
        <span className="tag">{kudos.value}</span>
      </p>
      {kudos.customerQuote ? <blockquote className="quote">“{kudos.customerQuote}”</blockquote> : null}
      {kudos.message && <p>{kudos.message}</p>}
      {(kudos.ticketId || kudos.ticketUrl) && (
        <TicketLink ticketId={kudos.ticketId} ticketUrl={kudos.ticketUrl} />
      )}
      {canThank && (
        <button
          type="button"
          disabled={isThanked || status.kind === 'running'}
          onClick={() => void start()}
          aria-label={isThanked ? `Thanked ${kudos.fromName}` : `Say thanks to ${kudos.fromName}`}
        >
          {isThanked ? 'Thanked ✓' : 'Say thanks'}
        </button>
      )}
      <ActionFeedback status={status} />
    </li>
  );
}
