import { execFile } from 'node:child_process';
import { parseSystemUsesLightTheme, WINDOWS_THEME_KEY } from '../tray/taskbar-theme';

/** Reads Windows' SystemUsesLightTheme (Electron has no API for the taskbar's theme); null elsewhere or unreadable. */
export function readWindowsTaskbarLight(): Promise<boolean | null> {
  if (process.platform !== 'win32') return Promise.resolve(null);
  return new Promise((resolve) =>
    execFile(
      'reg',
      ['query', WINDOWS_THEME_KEY, '/v', 'SystemUsesLightTheme'],
      { windowsHide: true, timeout: 5_000 },
      (error, stdout) => resolve(error ? null : parseSystemUsesLightTheme(stdout)),
    ),
  );
}
