import { app, Menu } from 'electron';
import { applicationMenuTemplate } from '../startup/app-menu-template';

/** Replaces Electron's default menu (with Reload and DevTools) by ours, or by none. */
export function installApplicationMenu(): void {
  const template = applicationMenuTemplate(process.platform, app.name);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
