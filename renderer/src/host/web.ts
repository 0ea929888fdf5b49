import type { Celebration } from '../../../shared/domain/growth-model';
import {
  INVOKE_NAMES,
  type NavigateTarget,
  type PopupDigest,
  type SidekickApi,
} from '../../../shared/ipc/contract';
import { createApiHost } from '../../../shared/sync/api-host';
import { createListeners } from '../../../shared/sync/listeners';
import { createSyncClient } from '../../../shared/sync/sync-client';
import { downloadFile, openExternalUrl } from './browser-files';
import { createBrowserNotifier } from './browser-notifications';
import { browserClock, browserHttp, browserSocket, browserStorage, newKey } from './browser-ports';
import { browserSessionStore, browserSettingsStore } from './browser-stores';
import { createPopupGate, popupTarget } from './popup-gate';

type BrowserWindow = Window & typeof globalThis;
type AnyInvoke = (request?: unknown) => Promise<unknown>;

/** Quiet hours end on the clock, not on an event: look for a due digest this often. */
const DIGEST_CHECK_MS = 60_000;

/**
 * `SidekickApi` in a plain browser tab: the same shared/sync host the desktop runs in its main process,
 * with browser ports (fetch, WebSocket, localStorage, Web Notifications, downloads, window.open). Pop-ups
 * pass the same notification budget as the desktop's native notifications before the page shows them.
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
    http: browserHttp(win),
    platform: {
      openExternal: async (url) => openExternalUrl(win, url),
      saveFile: async (input) => downloadFile(win.document, input),
      // A tab has no popover to close, and cannot start itself when the person logs in.
      closePopover: async () => undefined,
      capabilities: { startAtLogin: false },
    },
    log,
  });

  const navigateListeners = createListeners<NavigateTarget>(log);
  const celebrationListeners = createListeners<Celebration>(log);
  const digestListeners = createListeners<PopupDigest>(log);
  const notifier = createBrowserNotifier(win);
  const gate = createPopupGate({
    settings: () => settings.load(),
    now: () => Date.now(),
    timeZone: () => host.getState().snapshot?.person.timezone ?? null,
    show(celebration) {
      celebrationListeners.emit(celebration);
      notifier.notify({ title: celebration.title, body: celebration.message, tag: celebration.id }, () =>
        navigateListeners.emit(popupTarget(celebration)),
      );
    },
    showDigest(digest) {
      digestListeners.emit(digest);
      notifier.notify({ title: digest.title, body: digest.body, tag: digest.id }, () =>
        navigateListeners.emit(digest.target),
      );
    },
  });
  host.onCelebration((celebration) => void gate.offer(celebration));
  // Focus mode off, quiet hours changed or a bigger budget: a held digest may be due now.
  host.onSettings(() => void gate.flush());
  win.setInterval(() => void gate.flush(), DIGEST_CHECK_MS);
  // Back on the network: catch up now instead of waiting for the next reconnect attempt.
  win.addEventListener('online', () => void host.handlers.refresh().catch(() => undefined));

  const api: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) api[name] = (request?: unknown) => host.invoke(name, request);
  // Signed in (with a token or a pairing code): now is the moment to ask whether pop-ups may show.
  for (const name of ['signIn', 'pairDevice'] as const) {
    const invoke = api[name] as AnyInvoke;
    api[name] = async (request?: unknown) => {
      const state = await invoke(request);
      void notifier.askPermission();
      return state;
    };
  }
  api.onState = host.onState;
  api.onCelebration = celebrationListeners.add;
  api.onDigest = digestListeners.add;
  api.onNavigate = navigateListeners.add;
  await host.start();
  return api as SidekickApi;
}

/** Puts the browser host at `window.sidekick`, where Electron's preload would have put its own. */
export async function installWebHost(win: BrowserWindow): Promise<SidekickApi> {
  const api = await createWebHost(win);
  Object.defineProperty(win, 'sidekick', { value: Object.freeze(api), configurable: false, writable: false });
  return api;
}
