import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { KeyValueStorage, SyncDeps } from '../../shared/sync';

/**
 * In-memory storage for bench and test clients that start from nothing each time. Values are kept as JSON text,
 * so they round-trip as they would through a real store; `data` is there for tests to look at.
 */
export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  // Arrow properties, so a test may wrap `storage.set` and call the original unbound.
  get = async (key: string): Promise<unknown> => {
    const raw = this.data.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  };
  set = async (key: string, value: unknown): Promise<void> => void this.data.set(key, JSON.stringify(value));
  delete = async (key: string): Promise<void> => void this.data.delete(key);
  keys = async (): Promise<string[]> => [...this.data.keys()];
}

/** shared/sync's ports filled with Node's fetch, the `ws` package, real timers and crypto. */
export function nodeSyncDeps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    http: async (url, init) => {
      const res = await fetch(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
      return { ok: res.ok, status: res.status, text: () => res.text() };
    },
    openSocket: (url, handlers) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      let closed = false;
      const close = (code: number, reason: string): void => {
        if (closed) return;
        closed = true;
        handlers.onClose(code, reason);
      };
      socket.on('open', () => handlers.onOpen());
      socket.on('message', (data) => handlers.onMessage(String(data)));
      socket.on('close', (code, reason) => close(code, reason.toString()));
      socket.on('error', (err) => {
        close(1006, err.message);
        socket.terminate();
      });
      return {
        send: (data) => {
          if (socket.readyState === WebSocket.OPEN) socket.send(data);
        },
        close: (code, reason) => {
          if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
          else socket.close(code, reason);
        },
      };
    },
    storage: new MemoryStorage(),
    clock: {
      now: () => Date.now(),
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    random: Math.random,
    newKey: () => randomUUID(),
    ...overrides,
  };
}
