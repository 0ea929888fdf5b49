/**
 * Whether the tray icon sits on a dark surface. That is the taskbar's colour, not the app's theme: Windows
 * has two separate switches (apps light, taskbar dark is its default), and GNOME's top bar is dark in both
 * its light and dark styles. macOS needs no answer: template images follow the menu bar by themselves.
 */
export interface TaskbarThemeInput {
  platform: NodeJS.Platform;
  /** XDG_CURRENT_DESKTOP, e.g. `ubuntu:GNOME`, `KDE`, `XFCE`. */
  desktop: string | undefined;
  /** nativeTheme.shouldUseDarkColors: the app (or GTK) theme. */
  appDark: boolean;
  /** Windows' SystemUsesLightTheme, or null when it could not be read. */
  windowsTaskbarLight: boolean | null;
}

const DARK_PANEL_DESKTOPS = ['gnome', 'unity', 'pantheon'];

export function darkTaskbar(input: TaskbarThemeInput): boolean {
  switch (input.platform) {
    case 'darwin':
      return false;
    case 'win32':
      // Unreadable: Windows 10 and 11 ship with a dark taskbar.
      return input.windowsTaskbarLight === null ? true : !input.windowsTaskbarLight;
    default: {
      const desktops = (input.desktop ?? '').toLowerCase().split(':');
      if (desktops.some((d) => DARK_PANEL_DESKTOPS.includes(d))) return true;
      // KDE, XFCE, Cinnamon, …: the panel follows the desktop theme.
      return input.appDark;
    }
  }
}

/** The registry value Windows keeps for the taskbar and Start menu (not the apps). */
export const WINDOWS_THEME_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize';

/** `reg query <key> /v SystemUsesLightTheme` output → its value, or null when it is not there. */
export function parseSystemUsesLightTheme(regOutput: string): boolean | null {
  const match = /SystemUsesLightTheme\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(regOutput);
  return match ? parseInt(match[1]!, 16) !== 0 : null;
}
