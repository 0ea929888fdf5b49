import type { Snapshot } from '../../../../shared/api/snapshot';
import type { Settings } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { MissionCard } from './MissionCard';
import { OfferCard } from './OfferCard';
import { StreakCard } from './StreakCard';
import { ImpactCard } from './ImpactCard';
import { RecapCard } from '../recap/RecapCard';
import { useWeeklyRecap } from '../recap/use-weekly-recap';
import { useNow } from '../../components/use-now';

/** A recap is shown for the week it opens, then it gives way (it stays exportable until the next one). */
const RECAP_SHOWN_MS = 7 * 86_400_000;

/**
 * Today: the week in review when a new one has arrived (unless opted out), running missions, then the
 * streak, then this week's offers to choose from.
 */
export function TodayView({
  snapshot,
  settings,
  settingsLoaded = true,
}: {
  snapshot: Snapshot;
  settings: Settings;
  /** False while the host's settings are still on their way (`settings` are the defaults until then). */
  settingsLoaded?: boolean;
}) {
  // Not read until the person's own settings are known: an opted-out agent's recap is never fetched.
  const recap = useWeeklyRecap(
    snapshot.person.role === 'agent' && settingsLoaded && !settings.optOut.weeklyRecap,
  );
  const now = useNow();
  const freshRecap = recap && now - Date.parse(recap.deliveredAt) < RECAP_SHOWN_MS ? recap : null;
  const running = snapshot.missions.filter((m) => m.mission.status === 'active');
  const settled = snapshot.missions.filter((m) => m.mission.status === 'completed').slice(-2);
  const openOffers = snapshot.offers.filter((o) => o.status === 'open');
  const acceptedThisWeek = snapshot.offers.some((o) => o.status === 'accepted');
  return (
    <>
      {freshRecap && (
        <Section title="Last week">
          <RecapCard recap={freshRecap} />
        </Section>
      )}
      <Section title="Your missions">
        {running.length === 0 && settled.length === 0 ? (
          <EmptyState title="No mission running right now">
            {openOffers.length > 0
              ? 'Pick one of this week’s offers below — you choose the pace.'
              : snapshot.person.role === 'agent'
                ? 'New offers arrive at the start of each week, built from your own recent results. Your supervisor can also assign one.'
                : 'Missions of your own show here. Your team’s progress, and the missions you assign, are on the Team tab.'}
          </EmptyState>
        ) : (
          <div className="stack">
            {running.map((m) => (
              <MissionCard key={m.mission.id} view={m} />
            ))}
            {settled.map((m) => (
              <MissionCard key={m.mission.id} view={m} />
            ))}
          </div>
        )}
      </Section>
      {!settings.optOut.streaks && (
        <Section title="Streak">
          <StreakCard streak={snapshot.streak} />
        </Section>
      )}
      {snapshot.person.role === 'agent' && <ImpactCard />}
      {openOffers.length > 0 && (
        <Section title="This week’s offers">
          <p className="muted">
            Each one is built from your last four weeks. Accept the one that suits you
            {acceptedThisWeek ? ' — you already took one this week, so this is optional' : ''}.
          </p>
          <div className="stack">
            {openOffers.map((offer) => (
              <OfferCard key={offer.id} offer={offer} disabled={false} />
            ))}
          </div>
        </Section>
      )}
    </>
  );
}
