import type { Snapshot } from '../../../../shared/api/snapshot';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { CoachingCardView } from './CoachingCardView';
import { TeamCoachingView } from './TeamCoachingView';

/**
 * Agents see the coaching cards written for them, open ones first. Supervisors and admins see their side:
 * the cards of their team's agents (TeamCoachingView), and below it any card written for them.
 */
export function CoachingView({ snapshot }: { snapshot: Snapshot }) {
  const cards = [...snapshot.coaching].sort(
    (a, b) =>
      Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
  const coaches = snapshot.person.role !== 'agent';
  const own = (
    <div className="stack">
      {cards.map((card) => (
        <CoachingCardView key={card.id} card={card} timeZone={snapshot.person.timezone} />
      ))}
    </div>
  );
  if (coaches)
    return (
      <>
        <TeamCoachingView snapshot={snapshot} />
        {cards.length > 0 && <Section title="Coaching for you">{own}</Section>}
      </>
    );
  return (
    <Section title="Coaching">
      {cards.length === 0 ? (
        <EmptyState title="No coaching cards">
          When your supervisor writes you a coaching card — a focus, some advice and a few tasks — it appears
          here, and you can reply on it.
        </EmptyState>
      ) : (
        own
      )}
    </Section>
  );
}
