import { lazy, Suspense, type ComponentType } from 'react';
import type { Settings, View } from '../../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import type { Snapshot } from '../../../shared/api/snapshot';
import { TodayView } from '../views/today/TodayView';
import { KudosView } from '../views/kudos/KudosView';
import type { TimelineView as Timeline } from '../views/timeline/TimelineView';
import type { ProfileView as Profile } from '../views/profile/ProfileView';
import type { CoachingView as Coaching } from '../views/coaching/CoachingView';
import type { IdeasView as Ideas } from '../views/ideas/IdeasView';
import type { TeamView as Team } from '../views/team/TeamView';
import type { SettingsView as SettingsPage } from '../views/settings/SettingsView';
import type { AdminView as Admin } from '../views/admin/AdminView';
import type { BoardView as Board } from '../views/board/BoardView';
import { ViewBoundary } from './ViewBoundary';

/** A view loaded on demand; `retry` makes a fresh attempt after a failed load. */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  const make = () => lazy(() => load().then((c) => ({ default: c })));
  let current = make();
  return {
    load,
    get: () => current,
    retry: () => void (current = make()),
  };
}

/**
 * Today and Kudos (where a pop-up's "Open" lands, and where kudos are given, offline too) are in the first
 * chunk; the other views load on demand and are fetched in the background right after start-up, so the
 * popover's first paint stays small.
 */
const VIEWS = {
  timeline: onDemand<Parameters<typeof Timeline>[0]>(() =>
    import('../views/timeline/TimelineView').then((m) => m.TimelineView),
  ),
  profile: onDemand<Parameters<typeof Profile>[0]>(() =>
    import('../views/profile/ProfileView').then((m) => m.ProfileView),
  ),
  coaching: onDemand<Parameters<typeof Coaching>[0]>(() =>
    import('../views/coaching/CoachingView').then((m) => m.CoachingView),
  ),
  ideas: onDemand<Parameters<typeof Ideas>[0]>(() =>
    import('../views/ideas/IdeasView').then((m) => m.IdeasView),
  ),
  board: onDemand<Parameters<typeof Board>[0]>(() =>
    import('../views/board/BoardView').then((m) => m.BoardView),
  ),
  team: onDemand<Parameters<typeof Team>[0]>(() => import('../views/team/TeamView').then((m) => m.TeamView)),
  admin: onDemand<Parameters<typeof Admin>[0]>(() =>
    import('../views/admin/AdminView').then((m) => m.AdminView),
  ),
  settings: onDemand<Parameters<typeof SettingsPage>[0]>(() =>
    import('../views/settings/SettingsView').then((m) => m.SettingsView),
  ),
};

/** Fetches every on-demand view, so switching to one later is instant (a failure waits for the real visit). */
export const prefetchViews = () =>
  Promise.all(Object.values(VIEWS).map((v) => v.load().catch(() => undefined)));

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
  const retry = () => {
    if (props.view in VIEWS) VIEWS[props.view as keyof typeof VIEWS].retry();
  };
  return (
    <ViewBoundary key={props.view} onRetry={retry}>
      <Suspense
        fallback={
          <p className="muted" aria-busy="true" data-view-loading="">
            Loading…
          </p>
        }
      >
        <CurrentView {...props} />
      </Suspense>
    </ViewBoundary>
  );
}

function CurrentView({ view, snapshot, settings, updateSettings, focus, open }: ViewProps) {
  const effective = settings ?? DEFAULT_SETTINGS;
  switch (view) {
    case 'today':
      return <TodayView snapshot={snapshot} settings={effective} settingsLoaded={settings !== null} />;
    case 'kudos':
      return <KudosView snapshot={snapshot} focus={focus} />;
    case 'timeline': {
      const Timeline = VIEWS.timeline.get();
      return <Timeline snapshot={snapshot} settings={effective} />;
    }
    case 'profile': {
      const Profile = VIEWS.profile.get();
      return <Profile snapshot={snapshot} />;
    }
    case 'board': {
      const Board = VIEWS.board.get();
      return <Board snapshot={snapshot} onSettings={() => open('settings')} />;
    }
    case 'coaching': {
      const Coaching = VIEWS.coaching.get();
      return <Coaching snapshot={snapshot} />;
    }
    case 'ideas': {
      const Ideas = VIEWS.ideas.get();
      return <Ideas snapshot={snapshot} />;
    }
    case 'team': {
      const Team = VIEWS.team.get();
      return <Team snapshot={snapshot} onThank={(personId) => open('kudos', personId)} />;
    }
    case 'admin': {
      const Admin = VIEWS.admin.get();
      return <Admin snapshot={snapshot} />;
    }
    case 'settings': {
      const SettingsPage = VIEWS.settings.get();
      return (
        <SettingsPage
          settings={settings}
          update={updateSettings}
          personName={snapshot.person.name}
          showBoard={snapshot.person.role === 'agent'}
        />
      );
    }
  }
}
