import type { Snapshot } from '../../../../shared/api/snapshot';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { CoachingCardView } from './CoachingCardView';

/** Coaching cards from the supervisor, open ones first. */
export function CoachingView({ snapshot }: { snapshot: Snapshot }) {
  const cards = [...snapshot.coaching].sort(
    (a, b) =>
      Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
  return (
    <Section title="Coaching">
      {cards.length === 0 ? (
        <EmptyState title="No coaching cards">
          When your supervisor writes you a coaching card — a focus, some advice and a few tasks — it appears
          here, and you can reply on it.
        </EmptyState>
      ) : (
        <div className="stack">
          {cards.map((card) => (
            <CoachingCardView key={card.id} card={card} timeZone={snapshot.person.timezone} />
          ))}
        </div>
      )}
    </Section>
  );
}
