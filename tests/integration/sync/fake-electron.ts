import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The "app folder": a built renderer of one page, so the app:// handler has something real to serve. */
export const appPath = mkdtempSync(join(tmpdir(), 'sidekick-app-'));
mkdirSync(join(appPath, 'renderer', 'dist'), { recursive: true });
writeFileSync(
  join(appPath, 'renderer', 'dist', 'index.html'),
  '<!doctype html><title>Sidekick</title><div id="root"></div>',
);
writeFileSync(join(appPath, 'package.json'), '{"name":"outside-the-renderer"}');

/**
 * Just enough of Electron's main-process API to run the real composition root in Node: each fake records
 * what the app did with it (tray tooltip, notifications shown, IPC handlers, protocol handler).
 */
export const recorded = {
  tooltip: '',
  image: '',
  notifications: [] as { title: string; body: string; shownAt: number }[],
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  sent: [] as { channel: string; payload: unknown }[],
  protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
  loadedUrl: '',
};

class FakeWebContents extends EventEmitter {
  isDestroyed = () => false;
  send = (channel: string, payload: unknown) => void recorded.sent.push({ channel, payload });
  setWindowOpenHandler = () => undefined;
}

export class BrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  private visible = false;
  private position: [number, number] = [0, 0];
  constructor(public options: unknown) {
    super();
  }
  loadURL = async (url: string) => void (recorded.loadedUrl = url);
  isVisible = () => this.visible;
  show = () => void (this.visible = true);
  hide = () => void (this.visible = false);
  focus = () => undefined;
  setPosition = (x: number, y: number) => void (this.position = [x, y]);
  getSize = () => [380, 560];
}

export class Tray extends EventEmitter {
  setImage = (img: { path: string }) => void (recorded.image = img.path);
  setToolTip = (t: string) => void (recorded.tooltip = t);
  setTitle = () => undefined;
  setContextMenu = () => undefined;
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
  getAppPath: () => appPath,
  setLoginItemSettings: () => undefined,
  quit: () => undefined,
});
export const Menu = { buildFromTemplate: (items: unknown[]) => ({ items }) };
export const nativeImage = {
  createFromPath: (path: string) => ({ path, setTemplateImage: () => undefined }),
};
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true });
export const powerMonitor = new EventEmitter();
export const screen = {
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  getAllDisplays: () => [
    {
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    },
  ],
};
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(`enc:${s}`),
  decryptString: (b: Buffer) => b.toString().slice(4),
};
export const shell = { openExternal: async () => undefined };
export const dialog = { showSaveDialog: async () => ({ canceled: true }) };
export const protocol = {
  registerSchemesAsPrivileged: () => undefined,
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
};
