import type { Settings } from '../../../shared/ipc';
import type { TrayCommand } from './tray-controller';

export interface TrayCommandDeps {
  openPopover(): void;
  getSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<unknown>;
  signOut(): Promise<unknown>;
  quit(): void;
}

/** What each tray menu item does; toggles flip the current setting. */
export async function runTrayCommand(command: TrayCommand, deps: TrayCommandDeps): Promise<void> {
  const settings = deps.getSettings();
  switch (command) {
    case 'open':
      return deps.openPopover();
    case 'focus':
      await deps.updateSettings({ focusMode: !settings.focusMode });
      return;
    case 'quiet':
      await deps.updateSettings({
        quietHours: { ...settings.quietHours, enabled: !settings.quietHours.enabled },
      });
      return;
    case 'login':
      await deps.updateSettings({ startAtLogin: !settings.startAtLogin });
      return;
    case 'signout':
      await deps.signOut();
      return;
    case 'quit':
      return deps.quit();
  }
}
