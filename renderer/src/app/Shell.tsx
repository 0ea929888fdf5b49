import { useCallback, useEffect, useState } from 'react';
import type { View } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { useClientState, useSettings } from '../api/use-client-state';
import { CelebrationLayer } from '../celebrations/CelebrationLayer';
import { SignInView } from '../views/signin/SignInView';
import { ConnectingView } from '../views/signin/ConnectingView';
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

/** Picks what to show: sign-in, connecting, or the companion with its views, banner and celebrations. */
export function Shell() {
  const api = useApi();
  const { state, loadError } = useClientState(api);
  const { settings, error: settingsError, update: updateSettings } = useSettings(api);
  const [chosen, setChosen] = useState<View | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const open = useCallback((next: View, itemId: string | null = null) => {
    setChosen(next);
    // A new request every time, so opening the same item twice scrolls to it twice.
    setFocus(itemId ? { itemId, seq: Date.now() } : null);
  }, []);

  // A click on a notification asks to open a given view (and item).
  useEffect(() => api.onNavigate((target) => open(target.view, target.itemId)), [api, open]);

  // Once the first screen is up, fetch the other views in the background.
  useEffect(() => {
    const timer = setTimeout(() => void prefetchViews(), 300);
    return () => clearTimeout(timer);
  }, []);

  // Escape closes the popover (the browser host ignores it).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void api.closePopover().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);

  if (loadError) {
    return (
      <main className="app center">
        <h1>Sidekick</h1>
        <p role="alert" className="feedback error">
          Sidekick could not start: {loadError}
        </p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="app center" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  if (state.connection === 'signed_out') return <SignInView state={state} />;
  if (!state.snapshot) return <ConnectingView state={state} />;

  const snapshot = state.snapshot;
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
