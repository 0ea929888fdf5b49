/**
 * Linux has no login-item API in Electron (app.setLoginItemSettings is macOS and Windows only); desktops
 * follow the XDG autostart spec instead: a .desktop file in ~/.config/autostart. This builds that file.
 */
export const AUTOSTART_FILE_NAME = 'sidekick.desktop';

/** Quotes an Exec argument per the Desktop Entry spec (double quotes; `"`, `` ` ``, `$` and `\` escaped). */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./=-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** `args` follow the executable (Sidekick passes `--ozone-platform=x11`: see startup/display-server.ts). */
export function autostartDesktopEntry(executable: string, args: readonly string[] = []): string {
  if ([executable, ...args].some((part) => /[\n\r]/.test(part)))
    throw new Error('an executable path or argument cannot contain a line break');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Sidekick',
    'Comment=Your missions, streaks and kudos, next to the helpdesk',
    `Exec=${[executable, ...args].map((part) => quoteExecArg(part).replace(/%/g, '%%')).join(' ')}`,
    'Icon=sidekick',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
