import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ClientState } from '../../shared/ipc/contract';
import { lazyApi } from './api/lazy-api';
import { surelySignedOut } from './host/session-key';
import { App } from './app/App';
import './styles.css';

/**
 * In Electron the preload has already put `window.sidekick` there. In a plain browser tab it is absent, so
 * the browser host is loaded (on demand, so the desktop popover never downloads it) and installed. Either
 * way the host and its checks (validatedApi: zod and the contract) load as a chunk, so the shell draws first; a
 * tab with no stored session draws the sign-in screen at once and starts loading the host only after that first
 * render (lazyApi's `on first use`), so the chunk's download and evaluation do not run before it.
 */
async function resolveHost() {
  const { validatedApi } = await import('./api/validated-api');
  if (window.sidekick) return validatedApi(window.sidekick);
  const { installWebHost } = await import('./host/web');
  return validatedApi(await installWebHost(window));
}

const signedOut: ClientState = {
  connection: 'signed_out',
  snapshot: null,
  staleSince: null,
  pendingActions: 0,
  lastError: null,
};

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const initialState = !window.sidekick && surelySignedOut(storage) ? signedOut : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={lazyApi(resolveHost, initialState ? 'on first use' : 'now')} initialState={initialState} />
  </StrictMode>,
);
