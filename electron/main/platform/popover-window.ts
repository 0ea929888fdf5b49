import { app, BrowserWindow } from 'electron';
import type { NavigateTarget } from '../../../shared/ipc';
import type { Logger } from '../../../shared/sync';
import type { PopoverWindow } from '../popover/popover-controller';
import type { createCloseGuard, createRendererRecovery } from '../popover/window-lifecycle';

export interface PopoverWindowOptions {
  preloadPath: string;
  /** app://sidekick/index.html, or the dev server's URL. */
  url: string;
  onBlur(): void;
  onNavigate(target: NavigateTarget): void;
  closeGuard: ReturnType<typeof createCloseGuard>;
  recovery: ReturnType<typeof createRendererRecovery>;
  log: Logger;
}

/** A frameless, sandboxed, isolated window: the renderer sees only window.sidekick. */
export function createPopoverWindow(options: PopoverWindowOptions): {
  window: BrowserWindow;
  popover: PopoverWindow;
} {
  const window = new BrowserWindow({
    width: 380,
    height: 560,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    title: 'Sidekick',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click opens links in new windows, around setWindowOpenHandler's back.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  window.on('blur', () => options.onBlur());
  // ⌘W, Alt+F4 or the window manager would destroy the only window; the next tray click needs it.
  window.on('close', (event) => {
    if (options.closeGuard.onClose() === 'close') return;
    event.preventDefault();
    window.hide();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    const decision = options.recovery.onGone(details);
    if (decision === 'ignore') return;
    if (decision === 'give-up') {
      options.log(
        'error',
        `popover: the page keeps crashing (${details.reason}); not reloading it again for now`,
      );
      return;
    }
    options.log('warn', `popover: the page went away (${details.reason}); reloading it`);
    void window.loadURL(options.url);
  });
  void window.loadURL(options.url);
  return {
    window,
    popover: {
      isVisible: () => window.isVisible(),
      show: () => {
        window.show();
        window.focus();
      },
      hide: () => window.hide(),
      setPosition: (x, y) => window.setPosition(x, y, false),
      getSize: () => window.getSize() as [number, number],
      navigate: (target) => options.onNavigate(target),
    },
  };
}
