import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default one has View › Reload and Toggle Developer Tools with their
 * shortcuts (⌘R, ⌥⌘I), which would reload or inspect the popover. Windows and Linux get no menu at all; macOS
 * needs one for its app menu and for ⌘C/⌘V/⌘Z in text fields, so it gets exactly that and nothing to reload.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    // ⌘W closes the popover, which hides it (window-lifecycle.ts).
    { label: 'Window', submenu: [{ role: 'close' }] },
  ];
}
