import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ClientState, View } from '../../../shared/ipc/contract';
import type { FocusRequest } from './ViewSwitch';
import { useApi } from '../api/api-context';
import { useClientState } from '../api/use-client-state';
import { SignInView } from '../views/signin/SignInView';
import { ConnectingView } from '../views/signin/ConnectingView';

/** The signed-in companion, loaded once there is something to show in it (its views, zod-checked forms…). */
const Companion = lazy(() => import('./Companion').then((m) => ({ default: m.Companion })));

const loading = (
  <main className="app center" aria-busy="true">
    <p>Loading…</p>
  </main>
);

/**
 * Picks what to show: sign-in, connecting, or the companion with its views, banner and celebrations. It draws
 * before the host's first state when that state is known (`initialState`: a tab with no session is signed out).
 */
export function Shell({ initialState = null }: { initialState?: ClientState | null }) {
  const api = useApi();
  const { state, loadError } = useClientState(api, initialState);
  const [chosen, setChosen] = useState<View | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  const open = useCallback((next: View, itemId: string | null = null) => {
    setChosen(next);
    // A new request every time, so opening the same item twice scrolls to it twice.
    setFocus(itemId ? { itemId, seq: Date.now() } : null);
  }, []);

  // A click on a notification asks to open a given view (and item).
  useEffect(() => api.onNavigate((target) => open(target.view, target.itemId)), [api, open]);

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
  if (!state) return loading;
  if (state.connection === 'signed_out') return <SignInView state={state} />;
  if (!state.snapshot) return <ConnectingView state={state} />;
  return (
    <Suspense fallback={loading}>
      <Companion state={state} snapshot={state.snapshot} chosen={chosen} focus={focus} open={open} />
    </Suspense>
  );
}
