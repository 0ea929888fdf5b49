import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../shared/sync';
import { AUTOSTART_FILE_NAME, autostartDesktopEntry } from '../login/autostart-entry';

/** "Start at login" on every OS: Electron's login items on macOS and Windows, an XDG autostart entry on Linux. */
export async function applyStartAtLogin(enabled: boolean, log: Logger): Promise<void> {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const dir = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, AUTOSTART_FILE_NAME);
  if (!enabled) return rm(file, { force: true });
  if (!app.isPackaged) return log('info', 'start at login: skipped for an unpackaged development run');
  // An AppImage runs from a temporary mount; APPIMAGE is the file the person actually has.
  const executable = process.env.APPIMAGE ?? process.execPath;
  await mkdir(dir, { recursive: true });
  await writeFile(file, autostartDesktopEntry(executable), { mode: 0o644 });
}
