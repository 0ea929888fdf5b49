import { app, nativeTheme, powerMonitor, safeStorage, screen, shell } from 'electron';
import Store from 'electron-store';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiHost, createSyncClient, type ApiHost } from '../../shared/sync';
import { SignInInput, type NavigateTarget, type Settings } from '../../shared/ipc';
import { minutesInZone } from '../../shared/notify';
import { registerIpcHandlers, sendEvent } from './ipc/ipc-main-bridge';
import { createNotificationCenter } from './notifications/notification-center';
import { createPopoverController } from './popover/popover-controller';
import { createCloseGuard, createRendererRecovery } from './popover/window-lifecycle';
import { serveRenderer } from './platform/app-protocol';
import { createElectronNotifier } from './platform/electron-notifier';
import { createElectronTray } from './platform/electron-tray';
import { hardenApp } from './platform/harden';
import { applyStartAtLogin } from './platform/login-item';
import { createPopoverWindow } from './platform/popover-window';
import { saveFileWithDialog } from './platform/save-file';
import { startUpdateChecks } from './platform/updates';
import { readWindowsTaskbarLight } from './platform/windows-taskbar-theme';
import { serverUrlProblem } from './security/server-url-policy';
import { APP_ORIGIN } from './security/url-policy';
import { parsePairingLink } from './sign-in/pairing-link';
import { confirmPairing } from './sign-in/pairing-consent';
import { askWithDialog } from './platform/consent-dialog';
import { openAppStore } from './store/app-store';
import { createSessionStore } from './store/session-store';
import { createSettingsStore } from './store/settings-store';
import { consoleLogger, nodeClock, nodeHttp, openWsSocket } from './sync/node-adapters';
import type { DesktopIntegration } from './startup/desktop-integration';
import { cursorIsTrustworthy, type LinuxDisplayServer } from './startup/display-server';
import { darkTaskbar } from './tray/taskbar-theme';
import { createTrayController } from './tray/tray-controller';
import { runTrayCommand } from './tray/tray-commands';
import { initialTrayIcon } from './tray/tray-interaction';

export interface Shell {
  /** A `sidekick://pair?…` link from the OS (second instance, open-url, first argv). */
  handleLink(url: string): Promise<void>;
  openPopover(): void;
}

export interface BootstrapOptions {
  /** What may be registered with the OS (startup/desktop-integration.ts). */
  integration: DesktopIntegration;
  /** Linux only: X11, XWayland or native Wayland (startup/display-server.ts); null elsewhere. */
  displayServer: LinuxDisplayServer | null;
}

const NO_BOUNDS = { x: 0, y: 0, width: 0, height: 0 };

/**
 * The one place that knows every piece: Electron objects are created here and handed to the logic modules
 * through their small interfaces. Everything else in electron/main is either such a module or a thin adapter.
 */
export async function bootstrap(options: BootstrapOptions): Promise<Shell> {
  const log = consoleLogger;
  const root = app.getAppPath();
  const devUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const devOrigin = devUrl ? new URL(devUrl).origin : null;
  hardenApp(devOrigin, log);
  serveRenderer(join(root, 'renderer', 'dist'));

  const store = openAppStore(
    new Store<Record<string, unknown>>({ name: 'sidekick', clearInvalidConfig: true }),
    log,
  );
  const settingsStore = createSettingsStore(store);
  let popoverWindow: Electron.BrowserWindow | null = null;

  const host: ApiHost = createApiHost({
    createClient: (session) => {
      // Every sign-in (the popover, a pairing link, the environment) comes through here.
      const problem = serverUrlProblem(session.serverUrl);
      if (problem) throw new Error(problem);
      return createSyncClient(
        {
          http: nodeHttp,
          openSocket: openWsSocket,
          storage: store.syncStorage,
          clock: nodeClock,
          random: Math.random,
          newKey: randomUUID,
          log,
        },
        { serverUrl: session.serverUrl, token: session.token },
      );
    },
    sessions: createSessionStore(store, safeStorage, log),
    settings: settingsStore,
    http: nodeHttp,
    serverUrlProblem,
    platform: {
      openExternal: (url) => shell.openExternal(url),
      saveFile: (input) => popover.whileDialog(() => saveFileWithDialog(popoverWindow, input)),
      closePopover: async () => popover.hide(),
      capabilities: { startAtLogin: true },
    },
    log,
  });

  const navigate = (target: NavigateTarget) =>
    sendEvent(popoverWindow?.webContents ?? null, 'navigate', target);
  const closeGuard = createCloseGuard();
  app.on('before-quit', () => closeGuard.quitting());
  const created = createPopoverWindow({
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    url: devUrl ?? `${APP_ORIGIN}/index.html`,
    onBlur: () => popover.onBlur(),
    onNavigate: navigate,
    closeGuard,
    recovery: createRendererRecovery({ now: Date.now }),
    log,
  });
  popoverWindow = created.window;

  // The tray icon's contrast follows the taskbar (Windows keeps its own switch for it), not the app theme.
  let windowsTaskbarLight: boolean | null = null;
  const taskbarIsDark = () =>
    darkTaskbar({
      platform: process.platform,
      desktop: process.env.XDG_CURRENT_DESKTOP,
      appDark: nativeTheme.shouldUseDarkColors,
      windowsTaskbarLight,
    });
  const tray = createElectronTray(
    join(root, 'assets', 'tray'),
    initialTrayIcon(process.platform, taskbarIsDark()),
    (command) => void onTrayCommand(command),
    (_bounds, position) => popover.toggle(position ?? undefined),
  );
  const trustCursor = cursorIsTrustworthy(process.platform, options.displayServer);
  const popover = createPopoverController(
    () => created.popover,
    {
      // Linux's StatusNotifierItem tray has no bounds (Tray.getBounds is macOS and Windows only).
      trayBounds: () => (process.platform === 'linux' ? NO_BOUNDS : tray.tray.getBounds()),
      cursor: () => (trustCursor ? screen.getCursorScreenPoint() : null),
      displays: () => screen.getAllDisplays(),
      primaryDisplay: () => screen.getPrimaryDisplay(),
    },
    Date.now,
    { canPosition: options.displayServer !== 'wayland' },
  );
  const trayController = createTrayController({
    view: tray.view,
    platform: process.platform,
    darkTaskbar: taskbarIsDark,
  });

  const notifications = createNotificationCenter({
    notifier: createElectronNotifier(join(root, 'assets', 'icon.png')),
    settings: () => store.getSettings(),
    now: Date.now,
    // Quiet hours are wall-clock times in the person's own zone (the machine's zone until the snapshot says).
    localMinutes: (now) => minutesInZone(now, host.getState().snapshot?.person.timezone),
    open: (target) => popover.show(target),
  });

  const render = () => trayController.render(host.getState(), store.getSettings());
  host.onState((state) => {
    render();
    sendEvent(popoverWindow?.webContents ?? null, 'state', state);
  });
  host.onEntry((entry) => notifications.onEntry(entry));
  host.onCelebration((celebration) =>
    sendEvent(popoverWindow?.webContents ?? null, 'celebration', celebration),
  );
  let previous: Settings = store.getSettings();
  host.onSettings((settings) => {
    if (settings.startAtLogin !== previous.startAtLogin)
      void applyStartAtLogin(settings.startAtLogin, options.integration.loginItem, log).catch((e: unknown) =>
        log('warn', `start at login: ${String(e)}`),
      );
    if (previous.focusMode && !settings.focusMode) notifications.flushDigest();
    previous = settings;
    render();
  });
  const refreshTaskbarTheme = () =>
    void readWindowsTaskbarLight().then((light) => {
      windowsTaskbarLight = light;
      render();
    });
  nativeTheme.on('updated', () => {
    render();
    refreshTaskbarTheme();
  });
  // Quiet hours end on the clock, not on an event: look for a held digest every minute. Windows sends no
  // event when only the taskbar's theme changes, so it is read again then too.
  setInterval(() => {
    notifications.flushDigest();
    refreshTaskbarTheme();
  }, 60_000).unref();
  powerMonitor.on('resume', () => void host.handlers.refresh());

  const onTrayCommand = (command: Parameters<typeof runTrayCommand>[0]) =>
    runTrayCommand(command, {
      openPopover: () => popover.show(),
      getSettings: () => store.getSettings(),
      updateSettings: (patch) => host.handlers.updateSettings(patch),
      signOut: () => host.handlers.signOut(),
      quit: () => app.quit(),
    });

  registerIpcHandlers(host, devOrigin, log);
  await host.start();
  render();
  refreshTaskbarTheme();
  void applyStartAtLogin(store.getSettings().startAtLogin, options.integration.loginItem, log).catch(
    (e: unknown) => log('warn', `start at login: ${String(e)}`),
  );
  startUpdateChecks(app.isPackaged, log);

  const signInWith = async (input: SignInInput, origin: string) => {
    try {
      await host.handlers.signIn(input);
      popover.show({ view: 'today', itemId: null });
    } catch (error) {
      log('warn', `sign-in from ${origin} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const shellApi: Shell = {
    async handleLink(url) {
      const link = parsePairingLink(url);
      if (!link.ok) return log('warn', link.error);
      const signedIn = host.getState().connection !== 'signed_out';
      const ask = (question: Parameters<typeof askWithDialog>[0]) =>
        popover.whileDialog(() => askWithDialog(question));
      if (!(await confirmPairing(link.input, signedIn, ask))) return log('info', 'pairing link declined');
      await signInWith(link.input, 'a pairing link');
    },
    openPopover: () => popover.show(),
  };

  // `npm start` passes the demo server and a token in the environment; a person uses the sign-in screen or a link.
  const envServer = process.env.SIDEKICK_SERVER_URL;
  const envToken = process.env.SIDEKICK_TOKEN;
  // Whoever set the environment launched the app, so unlike a link from the OS this needs no confirmation.
  if (envServer && envToken && host.getState().connection === 'signed_out') {
    const envInput = SignInInput.safeParse({ serverUrl: envServer, token: envToken });
    if (envInput.success) await signInWith(envInput.data, 'the environment');
    else
      log(
        'warn',
        'SIDEKICK_SERVER_URL and SIDEKICK_TOKEN are set but are not a valid server address and token',
      );
  }
  return shellApi;
}
