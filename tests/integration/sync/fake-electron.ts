import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Just enough of Electron's main-process API to run the app without the Electron binary: vitest mocks
 * `electron` with this module (desktop-main.test.ts, tests/desktop/electron-path.test.ts), and the built
 * `out/main/index.js` runs under plain Node with a loader hook that resolves `electron` here
 * (tests/desktop/run-built-main.mjs). Each fake records what the app did with it. Only Node built-ins are
 * imported, so the file also runs after a plain TypeScript transpile.
 */

/** A built renderer of one page in a temp folder, so the app:// handler has something real to serve. */
export function makeFakeAppFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sidekick-app-'));
  mkdirSync(join(dir, 'renderer', 'dist'), { recursive: true });
  writeFileSync(
    join(dir, 'renderer', 'dist', 'index.html'),
    '<!doctype html><title>Sidekick</title><div id="root"></div>',
  );
  writeFileSync(join(dir, 'package.json'), '{"name":"outside-the-renderer"}');
  return dir;
}

export const recorded = {
  tooltip: '',
  image: '',
  /** Every tray image the app asked for, in order; the first is the one the Tray was created with. */
  trayImages: [] as { path: string; template: boolean }[],
  notifications: [] as { title: string; body: string; shownAt: number }[],
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  sent: [] as { channel: string; payload: unknown }[],
  protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
  loadedUrl: '',
  preloadPath: '',
  windowOptions: null as null | Record<string, unknown>,
  /** Schemes registered, and whether the app was ready already (Electron requires before ready). */
  schemes: [] as { scheme: string; beforeReady: boolean }[],
  sandboxEnabled: false,
  sandboxEnabledBeforeReady: false,
  applicationMenu: undefined as unknown,
  protocolClients: [] as string[],
  appUserModelIds: [] as string[],
  /** Set by a test to see main → renderer messages as they are sent (the Chromium check forwards them). */
  onSend: null as null | ((channel: string, payload: unknown) => void),
  windows: [] as BrowserWindow[],
  trays: [] as Tray[],
};

let ready = false;

class FakeWebContents extends EventEmitter {
  isDestroyed = () => false;
  send = (channel: string, payload: unknown) => {
    recorded.sent.push({ channel, payload });
    recorded.onSend?.(channel, payload);
  };
  setWindowOpenHandler = () => undefined;
}

export class BrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  destroyed = false;
  private visible = false;
  position: [number, number] = [0, 0];
  constructor(public options: { webPreferences?: { preload?: string } } & Record<string, unknown>) {
    super();
    recorded.windowOptions = options;
    recorded.preloadPath = options.webPreferences?.preload ?? '';
    recorded.windows.push(this);
  }
  loadURL = async (url: string) => void (recorded.loadedUrl = url);
  isVisible = () => this.visible;
  show = () => {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.visible = true;
  };
  hide = () => void (this.visible = false);
  focus = () => undefined;
  setPosition = (x: number, y: number) => void (this.position = [x, y]);
  getSize = () => [380, 560];
  /** What the window manager does on Alt+F4: `close`, and destruction unless a listener prevents it. */
  close = () => {
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (!prevented) this.destroyed = true;
  };
}

export class Tray extends EventEmitter {
  contextMenu: unknown = null;
  poppedUp: unknown[] = [];
  constructor(img: { path: string; template: boolean }) {
    super();
    recorded.trayImages.push({ path: img.path, template: img.template });
    recorded.trays.push(this);
  }
  setImage = (img: { path: string; template: boolean }) => {
    recorded.image = img.path;
    recorded.trayImages.push({ path: img.path, template: img.template });
  };
  setToolTip = (t: string) => void (recorded.tooltip = t);
  setTitle = () => undefined;
  setContextMenu = (menu: unknown) => void (this.contextMenu = menu);
  popUpContextMenu = (menu: unknown) => void this.poppedUp.push(menu);
  getBounds = () => ({ x: 1800, y: 1045, width: 24, height: 30 });
}

export class Notification extends EventEmitter {
  static isSupported = () => true;
  constructor(private options: { title: string; body: string }) {
    super();
  }
  show = () => void recorded.notifications.push({ ...this.options, shownAt: Date.now() });
}

const appEvents = new EventEmitter();
export const app = Object.assign(appEvents, {
  isPackaged: false,
  name: 'Sidekick',
  appPath: '',
  userData: '',
  getAppPath: () => app.appPath,
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`the fake app has no path "${name}"`);
    if (!app.userData) app.userData = mkdtempSync(join(tmpdir(), 'sidekick-userdata-'));
    return app.userData;
  },
  getName: () => app.name,
  getVersion: () => '0.1.0',
  commandLine: { getSwitchValue: () => '', hasSwitch: () => false, appendSwitch: () => undefined },
  enableSandbox: () => {
    recorded.sandboxEnabled = true;
    recorded.sandboxEnabledBeforeReady = !ready;
  },
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient: (scheme: string) => void recorded.protocolClients.push(scheme),
  setAppUserModelId: (id: string) => void recorded.appUserModelIds.push(id),
  setLoginItemSettings: () => undefined,
  relaunch: () => {
    throw new Error('the fake app does not relaunch');
  },
  exit: (code = 0) => {
    throw new Error(`the app called app.exit(${code})`);
  },
  focus: () => undefined,
  dock: { hide: () => undefined },
  /** Like Electron: ready comes after the main script's synchronous top level has run. */
  whenReady: () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        ready = true;
        appEvents.emit('ready');
        resolve();
      }),
    ),
  isReady: () => ready,
  quit: () => void appEvents.emit('before-quit'),
});

/** Where the app's files are and whether it runs packaged (the built-main check runs both layouts). */
export function configureFakeApp(options: { appPath: string; isPackaged: boolean }) {
  if (!existsSync(options.appPath)) throw new Error(`no app folder at ${options.appPath}`);
  app.appPath = options.appPath;
  app.isPackaged = options.isPackaged;
}

export const Menu = {
  buildFromTemplate: (items: unknown[]) => ({ items }),
  setApplicationMenu: (menu: unknown) => void (recorded.applicationMenu = menu),
};
export const nativeImage = {
  createFromPath: (path: string) => {
    const img = { path, template: false, setTemplateImage: (on: boolean) => void (img.template = on) };
    return img;
  },
};
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true });
export const powerMonitor = new EventEmitter();
const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
export const screen = {
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
};
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (s: string) => Buffer.from(`enc:${s}`),
  decryptStringAsync: async (b: Buffer) => ({ result: b.toString().slice(4), shouldReEncrypt: false }),
};
export const shell = { openExternal: async () => undefined, openPath: async () => '' };
export const dialog = {
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async () => ({ response: 1 }),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => {
    for (const { scheme } of schemes) recorded.schemes.push({ scheme, beforeReady: !ready });
  },
  handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
    void (recorded.protocolHandler = handler),
};
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: () => undefined },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
  },
};
export const ipcMain = {
  handle: (channel: string, handler: (event: unknown, raw: unknown) => Promise<unknown>) =>
    void recorded.handlers.set(channel, handler),
  removeHandler: (channel: string) => void recorded.handlers.delete(channel),
  // electron-store registers one synchronous channel for renderers that use it (ours do not).
  on: () => undefined,
};

// `import electron from 'electron'` (electron-store does this): Electron's module is CommonJS.
export default {
  app,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  nativeTheme,
  powerMonitor,
  screen,
  safeStorage,
  shell,
  dialog,
  protocol,
  session,
  ipcMain,
};
