import { useCallback } from 'react';
import type { MissionOffer, OfferKind } from '../../../../shared/domain/mission-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';

const KIND_LABELS: Record<OfferKind, string> = {
  steady: 'Steady',
  stretch: 'Stretch',
  growth: 'Room to grow',
};
const accepted = receiptSentence('Accepted — it is now one of your missions');

/** One of this week's offered missions; the agent chooses, nothing is imposed. */
export function OfferCard({ offer, disabled }: { offer: MissionOffer; disabled: boolean }) {
  const api = useApi();
  const accept = useCallback(() => api.acceptOffer({ offerId: offer.id }), [api, offer.id]);
  const { status, start } = useAction(accept, accepted);
  const done = status.kind === 'done';
  return (
    <article className="card offer" aria-label={`${KIND_LABELS[offer.kind]} offer: ${offer.spec.title}`}>
      <p className="meta">
        <span className={`pill pill-${offer.kind}`}>{KIND_LABELS[offer.kind]}</span>
      </p>
      <h3>{offer.spec.title}</h3>
      <p>{offer.sentence}</p>
      <button
        type="button"
        className="primary"
        disabled={disabled || done || status.kind === 'running'}
        onClick={() => void start()}
        aria-label={`Accept: ${offer.spec.title}`}
      >
        {status.kind === 'running' ? 'Accepting…' : done ? 'Accepted' : 'Accept'}
      </button>
      <ActionFeedback status={status} />
    </article>
  );
}
