import { useEffect } from 'react';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { ClientState, View } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { useSettings } from '../api/use-client-state';
import { CelebrationLayer } from '../celebrations/CelebrationLayer';
import { Nav } from './Nav';
import { StatusBanner } from './StatusBanner';
import { prefetchViews, ViewSwitch, type FocusRequest } from './ViewSwitch';
import { homeViewFor, VIEW_LABELS, viewsFor } from './views';

const CONNECTION_LABELS = {
  online: 'Online',
  offline: 'Offline',
  connecting: 'Connecting',
  signed_out: 'Signed out',
} as const;

/**
 * The signed-in companion: navigation, the current view, the status banner and celebrations. A chunk of its
 * own (Shell loads it once there is a snapshot), so the sign-in screen never waits for it.
 */
export function Companion({
  state,
  snapshot,
  chosen,
  focus,
  open,
}: {
  state: ClientState;
  snapshot: Snapshot;
  /** The view asked for (a tab, a notification), kept by Shell so it survives a reconnect. */
  chosen: View | null;
  focus: FocusRequest | null;
  open: (view: View, itemId?: string | null) => void;
}) {
  const api = useApi();
  const { settings, error: settingsError, update: updateSettings } = useSettings(api);

  // Once the first screen is up, fetch the other views in the background.
  useEffect(() => {
    const timer = setTimeout(() => void prefetchViews(), 300);
    return () => clearTimeout(timer);
  }, []);

  const views = viewsFor(snapshot.person.role);
  const wanted = chosen ?? homeViewFor(snapshot.person.role);
  const current = views.includes(wanted) ? wanted : 'today';
  const unread = snapshot.kudos.inbox.filter((k) => k.readAt === null).length;

  return (
    <div className="app">
      <div className="chrome">
        <h1 className="sr-only">Sidekick — {snapshot.person.name}</h1>
        <Nav
          views={views}
          current={current}
          onChange={(next) => open(next)}
          badges={{ kudos: unread }}
          who={snapshot.person.name}
          status={
            <span
              className={`dot dot-${state.connection}`}
              role="img"
              aria-label={CONNECTION_LABELS[state.connection]}
              title={`${CONNECTION_LABELS[state.connection]} · signed in as ${snapshot.person.name}`}
            />
          }
        />
        <StatusBanner state={state} />
        {settingsError && (
          <p className="banner banner-info" role="alert">
            Settings could not be loaded or saved: {settingsError}
          </p>
        )}
      </div>
      <main className="view" aria-label={VIEW_LABELS[current]}>
        <ViewSwitch
          view={current}
          snapshot={snapshot}
          settings={settings}
          updateSettings={updateSettings}
          focus={focus}
          open={open}
        />
      </main>
      <CelebrationLayer
        settings={settings}
        kudos={snapshot.kudos.inbox}
        onOpen={(target) => open(target.view, target.itemId)}
      />
    </div>
  );
}
