import { INVOKE_NAMES, type NavigateTarget, type SidekickApi } from '../../../shared/ipc/contract';
import { createApiHost } from '../../../shared/sync/api-host';
import { createSyncClient } from '../../../shared/sync/sync-client';
import { downloadFile, openExternalUrl } from './browser-files';
import { createBrowserNotifier } from './browser-notifications';
import { browserClock, browserHttp, browserSocket, browserStorage, newKey } from './browser-ports';
import { browserSessionStore, browserSettingsStore } from './browser-stores';

type BrowserWindow = Window & typeof globalThis;
type AnyInvoke = (request?: unknown) => Promise<unknown>;

/**
 * `SidekickApi` in a plain browser tab: the same shared/sync host the desktop runs in its main process,
 * with browser ports (fetch, WebSocket, localStorage, Web Notifications, downloads, window.open).
 */
export async function createWebHost(win: BrowserWindow): Promise<SidekickApi> {
  const log = (level: string, message: string) => {
    if (level === 'error' || level === 'warn') console.warn(`sidekick sync: ${message}`);
  };
  const settings = browserSettingsStore(win.localStorage);
  const host = createApiHost({
    createClient: (session) =>
      createSyncClient(
        {
          http: browserHttp(win),
          openSocket: browserSocket(win),
          storage: browserStorage(win.localStorage),
          clock: browserClock(win),
          random: Math.random,
          newKey: () => newKey(win),
          log,
        },
        { serverUrl: session.serverUrl, token: session.token },
      ),
    sessions: browserSessionStore(win.localStorage),
    settings,
    platform: {
      openExternal: async (url) => openExternalUrl(win, url),
      saveFile: async (input) => downloadFile(win.document, input),
      // A tab has no popover to close.
      closePopover: async () => undefined,
    },
    log,
  });

  const navigateListeners = new Set<(target: NavigateTarget) => void>();
  const notifier = createBrowserNotifier(win);
  // The host forwards every celebration; the renderer's policy applies the opt-outs in one place.
  host.onCelebration((celebration) => {
    if (celebration.kind !== 'kudos') return;
    void settings.load().then((s) => {
      if (!s.optOut.popups && !s.focusMode)
        notifier.notify(celebration, () =>
          navigateListeners.forEach((l) => l({ view: 'kudos', itemId: celebration.refId })),
        );
    });
  });
  // Back on the network: catch up now instead of waiting for the next reconnect attempt.
  win.addEventListener('online', () => void host.handlers.refresh().catch(() => undefined));

  const api: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) api[name] = (request?: unknown) => host.invoke(name, request);
  const signIn = api.signIn as AnyInvoke;
  api.signIn = async (request?: unknown) => {
    const state = await signIn(request);
    void notifier.askPermission();
    return state;
  };
  api.onState = host.onState;
  api.onCelebration = host.onCelebration;
  api.onNavigate = (listener: (target: NavigateTarget) => void) => {
    navigateListeners.add(listener);
    return () => void navigateListeners.delete(listener);
  };
  await host.start();
  return api as SidekickApi;
}

/** Puts the browser host at `window.sidekick`, where Electron's preload would have put its own. */
export async function installWebHost(win: BrowserWindow): Promise<SidekickApi> {
  const api = await createWebHost(win);
  Object.defineProperty(win, 'sidekick', { value: Object.freeze(api), configurable: false, writable: false });
  return api;
}
