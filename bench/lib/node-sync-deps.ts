import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { KeyValueStorage, SyncDeps } from '../../shared/sync';

/** In-memory storage: a bench or test client that starts from nothing each time. */
export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.map.get(key));
  }
  async set(key: string, value: unknown): Promise<void> {
    this.map.set(key, structuredClone(value));
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.map.keys()];
  }
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
