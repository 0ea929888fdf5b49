/**
 * The platform pieces the sync client needs, injected so the same client runs in Electron's main process,
 * in a browser tab and under vitest. shared/ never touches fetch, WebSocket, timers or storage directly.
 */

/** The part of a fetch Response the client reads. */
export interface HttpResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

export interface HttpRequestInit {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
}

/** A fetch-like function: `(url, init) => response`. Rejects only on network failure, like fetch. */
export type HttpFetch = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

/** What the client does with an open socket. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Callbacks an adapter calls; `onClose` must be called exactly once per socket, also after an error. */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  onClose(code: number, reason: string): void;
}

/** Opens a WebSocket to `url` (ws: or wss:). Adapters: browser WebSocket, the `ws` package. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLike;

/**
 * Async key-value storage of JSON-able values. Values read back are `unknown`: the client parses them with
 * zod, because storage is a boundary too (another version of the app may have written it).
 */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export type TimerHandle = unknown;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string) => void;

export interface SyncDeps {
  http: HttpFetch;
  openSocket: OpenSocket;
  storage: KeyValueStorage;
  clock: Clock;
  /** Uniform in [0, 1); used for backoff jitter. */
  random: () => number;
  /** A fresh idempotency key (e.g. crypto.randomUUID()). */
  newKey: () => string;
  log?: Logger;
}
