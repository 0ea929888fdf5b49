import type { Clock, HttpFetch, KeyValueStorage, OpenSocket } from '../../../shared/sync/ports';

type BrowserWindow = Window & typeof globalThis;

/** fetch, as the sync client's http port (it reads only ok, status and text()). */
export const browserHttp =
  (win: BrowserWindow): HttpFetch =>
  (url, init) =>
    win.fetch(url, { ...init, cache: 'no-store', credentials: 'omit' });

/** The browser WebSocket as the sync client's socket port; onClose fires exactly once, also after an error. */
export const browserSocket =
  (win: BrowserWindow): OpenSocket =>
  (url, handlers) => {
    const socket = new win.WebSocket(url);
    let closed = false;
    const closeOnce = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      handlers.onClose(code, reason);
    };
    socket.onopen = () => handlers.onOpen();
    socket.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') handlers.onMessage(event.data);
    };
    // Browsers follow an error with a close event; the close carries the code.
    socket.onerror = () => undefined;
    socket.onclose = (event) => closeOnce(event.code, event.reason);
    return {
      send: (data) => socket.send(data),
      close: (code, reason) => {
        try {
          // Browsers only accept 1000 or 3000–4999 from scripts.
          socket.close(
            code === 1000 || (code !== undefined && code >= 3000 && code <= 4999) ? code : 1000,
            reason,
          );
        } catch {
          socket.close();
        }
        closeOnce(code ?? 1000, reason ?? 'closed by client');
      },
    };
  };

/**
 * localStorage as async JSON storage. Writes are synchronous underneath, so an action is on disk before
 * `set` resolves — the outbox relies on that. A full quota rejects, so the caller can say so.
 */
export const browserStorage = (storage: Storage, prefix = ''): KeyValueStorage => ({
  async get(key) {
    const raw = storage.getItem(prefix + key);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  },
  async set(key, value) {
    storage.setItem(prefix + key, JSON.stringify(value));
  },
  async delete(key) {
    storage.removeItem(prefix + key);
  },
});

export const browserClock = (win: BrowserWindow): Clock => ({
  now: () => Date.now(),
  setTimeout: (callback, ms) => win.setTimeout(callback, ms),
  clearTimeout: (handle) => win.clearTimeout(handle as number),
});

/** An idempotency key. crypto.randomUUID needs a secure context; getRandomValues works on plain http too. */
export function newKey(win: BrowserWindow): string {
  if (typeof win.crypto.randomUUID === 'function' && win.isSecureContext) return win.crypto.randomUUID();
  const bytes = win.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
