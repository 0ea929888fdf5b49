import { useEffect, useState } from 'react';
import type { View } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { useClientState, useSettings } from '../api/use-client-state';
import { CelebrationLayer } from '../celebrations/CelebrationLayer';
import { SignInView } from '../views/signin/SignInView';
import { ConnectingView } from '../views/signin/ConnectingView';
import { Nav } from './Nav';
import { StatusBanner } from './StatusBanner';
import { ViewSwitch } from './ViewSwitch';
import { viewsFor } from './views';

/** Picks what to show: sign-in, connecting, or the companion with its views, banner and celebrations. */
export function Shell() {
  const api = useApi();
  const { state, loadError } = useClientState(api);
  const { settings, error: settingsError, update: updateSettings } = useSettings(api);
  const [view, setView] = useState<View>('today');
  const [focusItem, setFocusItem] = useState<string | null>(null);

  // A click on a notification asks to open a given view (and item).
  useEffect(
    () =>
      api.onNavigate((target) => {
        setView(target.view);
        setFocusItem(target.itemId);
      }),
    [api],
  );

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
  const current = views.includes(view) ? view : 'today';
  const unread = snapshot.kudos.inbox.filter((k) => k.readAt === null).length;
  const open = (next: View, itemId: string | null = null) => {
    setView(next);
    setFocusItem(itemId);
  };

  return (
    <div className="app">
      <div className="chrome">
        <header className="topbar">
          <h1 className="brand">Sidekick</h1>
          <span className="who">{snapshot.person.name}</span>
          <span
            className={`dot dot-${state.connection}`}
            role="img"
            aria-label={state.connection === 'online' ? 'Online' : state.connection}
          />
        </header>
        <StatusBanner state={state} />
        {settingsError && (
          <p className="banner banner-info" role="alert">
            Settings could not be loaded or saved: {settingsError}
          </p>
        )}
      </div>
      <Nav views={views} current={current} onChange={(next) => open(next)} badges={{ kudos: unread }} />
      <main className="view" aria-label={current}>
        <ViewSwitch
          view={current}
          snapshot={snapshot}
          settings={settings}
          updateSettings={updateSettings}
          focusItem={focusItem}
          open={open}
        />
      </main>
      <CelebrationLayer settings={settings} onOpen={(next) => open(next)} />
    </div>
  );
}
