import { app } from 'electron';
import { installApplicationMenu } from './platform/app-menu';
import { registerAppScheme } from './platform/app-protocol';
import { findPairingLink, PAIRING_PROTOCOL } from './sign-in/pairing-link';
import { desktopIntegration } from './startup/desktop-integration';
import { linuxDisplayServer, xwaylandRelaunch } from './startup/display-server';
import { consoleLogger as log } from './sync/node-adapters';
import { bootstrap, type Shell } from './composition-root';

/**
 * Entry point: every renderer sandboxed, on Linux a relaunch under XWayland when started as a native
 * Wayland client (startup/display-server.ts), one instance only (a second launch, e.g. from a pairing link,
 * hands its arguments to the first), the privileged app:// scheme registered before ready, then the
 * composition root. A tray app keeps running with no window open.
 */
app.enableSandbox();
const ozonePlatform = app.commandLine.getSwitchValue('ozone-platform');
const relaunch = xwaylandRelaunch({
  platform: process.platform,
  env: process.env,
  ozonePlatform,
  argv: process.argv,
  execPath: process.execPath,
});

if (relaunch) {
  log('info', 'relaunching under XWayland, where the popover can be placed next to the tray');
  app.relaunch(relaunch);
  app.exit(0);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start() {
  registerAppScheme();
  const integration = desktopIntegration({
    isPackaged: app.isPackaged,
    platform: process.platform,
    appImage: process.env.APPIMAGE,
  });
  for (const note of integration.notes) log('info', note);
  // Windows shows notifications only for an app with an AppUserModelID (the installer's shortcut carries it).
  if (integration.appUserModelId) app.setAppUserModelId(integration.appUserModelId);
  if (integration.protocolClient) app.setAsDefaultProtocolClient(PAIRING_PROTOCOL);
  let shell: Shell | null = null;
  const pendingLinks: string[] = [];
  const handleLink = (url: string) => (shell ? void shell.handleLink(url) : void pendingLinks.push(url));

  app.on('second-instance', (_event, argv) => {
    const link = findPairingLink(argv);
    if (link) handleLink(link);
    else shell?.openPopover();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleLink(url);
  });
  // macOS: opening the app again (Finder, Spotlight, `open -a`) while it runs.
  app.on('activate', () => shell?.openPopover());
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  const firstLink = findPairingLink(process.argv);
  if (firstLink) pendingLinks.push(firstLink);

  void app
    .whenReady()
    .then(async () => {
      if (process.platform === 'darwin') app.dock?.hide();
      installApplicationMenu();
      shell = await bootstrap({
        integration,
        displayServer: process.platform === 'linux' ? linuxDisplayServer(process.env, ozonePlatform) : null,
      });
      for (const link of pendingLinks.splice(0)) void shell.handleLink(link);
    })
    .catch((error: unknown) => {
      // A tray app that failed to start has no window to show it in: say why on stderr and leave.
      console.error(
        `[sidekick] error: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      app.exit(1);
    });
}
