import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../shared/sync';
import { AUTOSTART_FILE_NAME, autostartDesktopEntry } from '../login/autostart-entry';
import { XWAYLAND_SWITCH } from '../startup/display-server';

/**
 * "Start at login" on every OS: Electron's login items on macOS and Windows, an XDG autostart entry on Linux.
 * `register` is false for an unpackaged run (desktop-integration.ts): nothing is registered, and turning it
 * off still removes what a packaged run registered.
 */
export async function applyStartAtLogin(enabled: boolean, register: boolean, log: Logger): Promise<void> {
  if (enabled && !register) return log('info', 'start at login: skipped for an unpackaged development run');
  if (process.platform !== 'linux') {
    if (register) app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const dir = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, AUTOSTART_FILE_NAME);
  if (!enabled) return rm(file, { force: true });
  // An AppImage runs from a temporary mount; APPIMAGE is the file the person actually has.
  const executable = process.env.APPIMAGE ?? process.execPath;
  await mkdir(dir, { recursive: true });
  await writeFile(file, autostartDesktopEntry(executable, [XWAYLAND_SWITCH]), { mode: 0o644 });
}
