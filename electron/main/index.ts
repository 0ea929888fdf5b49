import { app } from 'electron';
import { registerAppScheme } from './platform/app-protocol';
import { findPairingLink, PAIRING_PROTOCOL } from './sign-in/pairing-link';
import { bootstrap, type Shell } from './composition-root';

/**
 * Entry point: one instance only (a second launch, e.g. from a pairing link, hands its arguments to the
 * first), the privileged app:// scheme registered before ready, then the composition root. A tray app keeps
 * running with no window open.
 */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Windows shows notifications only for an app with an AppUserModelID (the builder's appId).
  if (process.platform === 'win32') app.setAppUserModelId('com.sidekick.desktop');
  app.setAsDefaultProtocolClient(PAIRING_PROTOCOL);
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
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  const firstLink = findPairingLink(process.argv);
  if (firstLink) pendingLinks.push(firstLink);

  void app
    .whenReady()
    .then(async () => {
      if (process.platform === 'darwin') app.dock?.hide();
      shell = await bootstrap();
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
