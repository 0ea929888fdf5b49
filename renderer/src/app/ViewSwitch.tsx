import type { Settings, View } from '../../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import type { Snapshot } from '../../../shared/api/snapshot';
import { TodayView } from '../views/today/TodayView';
import { KudosView } from '../views/kudos/KudosView';
import { TimelineView } from '../views/timeline/TimelineView';
import { ProfileView } from '../views/profile/ProfileView';
import { CoachingView } from '../views/coaching/CoachingView';
import { IdeasView } from '../views/ideas/IdeasView';
import { TeamView } from '../views/team/TeamView';
import { SettingsView } from '../views/settings/SettingsView';

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

export function ViewSwitch({ view, snapshot, settings, updateSettings, focus, open }: ViewProps) {
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
