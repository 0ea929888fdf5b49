import electronUpdater from 'electron-updater';
import type { Logger } from '../../../shared/sync';

/**
 * Checks the publish feed configured in electron-builder.yml (app-update.yml inside the package). Only a
 * packaged app has that file, so development runs skip it. Updates download in the background and install on quit.
 */
export function startUpdateChecks(isPackaged: boolean, log: Logger): void {
  if (!isPackaged || process.env.SIDEKICK_DISABLE_UPDATES) return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => log('warn', `updates: ${error.message}`));
  const check = () =>
    autoUpdater
      .checkForUpdatesAndNotify()
      .catch((error: unknown) => log('warn', `updates: ${String(error)}`));
  void check();
  setInterval(check, 6 * 3_600_000).unref();
}
