import { trayIconFile } from './tray-icons';

/**
 * How the tray is clicked. On macOS a tray with a context menu opens that menu on a left click and never
 * emits `click`, so the popover could not be opened: there the menu is not attached, and a right click
 * pops it up instead. Windows and Linux attach it (right click), and `click` opens the popover (on Linux
 * that is whatever the tray host calls activation).
 */
export function trayMenuAttachment(platform: NodeJS.Platform): 'attached' | 'right-click-pop-up' {
  return platform === 'darwin' ? 'right-click-pop-up' : 'attached';
}

/** The image the Tray is created with: the empty ring, already a template image on macOS. */
export const initialTrayIcon = (platform: NodeJS.Platform, darkTaskbar: boolean) =>
  trayIconFile({ platform, darkTaskbar, ratio: null, badge: false });

/** Template images are named …Template.png, so macOS tints them for the menu bar. */
export const isTemplateIcon = (file: string) => /Template(@\dx)?\.png$/.test(file);
