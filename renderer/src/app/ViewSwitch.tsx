import { lazy, Suspense } from 'react';
import type { Settings, View } from '../../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import type { Snapshot } from '../../../shared/api/snapshot';
import { TodayView } from '../views/today/TodayView';
import { KudosView, loadSendKudosForm } from '../views/kudos/KudosView';

/**
 * Today and Kudos (where a pop-up's "Open" lands) are in the first chunk; the other views load on demand
 * and are fetched in the background soon after start-up, so the popover's first paint stays small.
 */
const loaders = {
  timeline: () => import('../views/timeline/TimelineView').then((m) => ({ default: m.TimelineView })),
  profile: () => import('../views/profile/ProfileView').then((m) => ({ default: m.ProfileView })),
  coaching: () => import('../views/coaching/CoachingView').then((m) => ({ default: m.CoachingView })),
  ideas: () => import('../views/ideas/IdeasView').then((m) => ({ default: m.IdeasView })),
  team: () => import('../views/team/TeamView').then((m) => ({ default: m.TeamView })),
  settings: () => import('../views/settings/SettingsView').then((m) => ({ default: m.SettingsView })),
  sendKudos: loadSendKudosForm,
};
const TimelineView = lazy(loaders.timeline);
const ProfileView = lazy(loaders.profile);
const CoachingView = lazy(loaders.coaching);
const IdeasView = lazy(loaders.ideas);
const TeamView = lazy(loaders.team);
const SettingsView = lazy(loaders.settings);
// (loaders.sendKudos is KudosView's own lazy form; listed here only to be prefetched.)

/** Fetches every on-demand view, so switching to one later is instant (failures wait for the real visit). */
export const prefetchViews = () =>
  Promise.all(Object.values(loaders).map((load) => load().catch(() => undefined)));

/** "Open this item": a kudos to scroll to, or (for Kudos) a teammate to write to. `seq` makes each request new. */
export type FocusRequest = { itemId: string; seq: number };

export type ViewProps = {
  view: View;
  snapshot: Snapshot;
  settings: Settings | null;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  focus: FocusRequest | null;
  open: (view: View, itemId?: string | null) => void;
};

export function ViewSwitch(props: ViewProps) {
  return (
    <Suspense
      fallback={
        <p className="muted" aria-busy="true" data-view-loading="">
          Loading…
        </p>
      }
    >
      <CurrentView {...props} />
    </Suspense>
  );
}

function CurrentView({ view, snapshot, settings, updateSettings, focus, open }: ViewProps) {
  const effective = settings ?? DEFAULT_SETTINGS;
  switch (view) {
    case 'today':
      return <TodayView snapshot={snapshot} settings={effective} />;
    case 'kudos':
      return <KudosView snapshot={snapshot} focus={focus} />;
    case 'timeline':
      return <TimelineView snapshot={snapshot} settings={effective} />;
    case 'profile':
      return <ProfileView snapshot={snapshot} />;
    case 'coaching':
      return <CoachingView snapshot={snapshot} />;
    case 'ideas':
      return <IdeasView snapshot={snapshot} />;
    case 'team':
      return <TeamView snapshot={snapshot} onThank={(personId) => open('kudos', personId)} />;
    case 'settings':
      return <SettingsView settings={settings} update={updateSettings} personName={snapshot.person.name} />;
  }
}
