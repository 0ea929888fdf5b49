import type {
  Clock,
  HttpFetch,
  HttpRequestInit,
  KeyValueStorage,
  OpenSocket,
  SocketHandlers,
  SyncDeps,
} from '../../../shared/sync';
import type { FeedEntry, Snapshot } from '../../../shared/api';
import { applyFeedEntries } from '../../../shared/sync';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';

/** A clock whose time moves only when the test says so. */
export class FakeClock implements Clock {
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  constructor(public time = Date.UTC(2026, 10, 20, 9, 0)) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  /** Moves time forward, firing due timers in order and letting promises settle between them. */
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = end;
    await settle();
  }
  get pendingTimers() {
    return this.timers.size;
  }
}

export const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** A fake Sidekick server speaking the real protocol: snapshot, paged feed, live socket, idempotent actions. */
export class FakeServer {
  entries: FeedEntry[] = [];
  online = true;
  acceptedKeys = new Map<string, unknown>();
  requests: { method: string; path: string; key: string | undefined }[] = [];
  sockets: { handlers: SocketHandlers; sent: string[]; open: boolean; authed: boolean }[] = [];
  /** When set, action requests reach the server and commit, but the answer is lost on the way back. */
  loseNextResponse = false;
  constructor(
    public base: Snapshot,
    public token = 'sk_test_token_0123456789',
  ) {}

  snapshot(): Snapshot {
    return applyFeedEntries(this.base, this.entries);
  }

  http: HttpFetch = async (url: string, init: HttpRequestInit) => {
    if (!this.online) throw new TypeError('fetch failed');
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    this.requests.push({ method: init.method, path, key: init.headers['idempotency-key'] });
    if (init.headers.authorization !== `Bearer ${this.token}`)
      return reply(401, { error: 'unauthorized', message: 'Unknown token.' });
    if (path === '/api/me/state') return reply(200, this.snapshot());
    const feed = /^\/api\/me\/feed\?after=(\d+)&limit=(\d+)$/.exec(path);
    if (feed) {
      const after = Number(feed[1]);
      const limit = Number(feed[2]);
      const rest = this.entries.filter((e) => e.seq > after);
      const page = rest.slice(0, limit);
      return reply(200, { entries: page, cursor: page.at(-1)?.seq ?? after, hasMore: rest.length > limit });
    }
    if (init.method === 'POST' && path.startsWith('/api/me/')) {
      const key = init.headers['idempotency-key'] ?? '';
      const duplicate = this.acceptedKeys.has(key);
      if (!duplicate) this.acceptedKeys.set(key, JSON.parse(init.body ?? 'null'));
      if (this.loseNextResponse) {
        this.loseNextResponse = false;
        throw new TypeError('network connection lost');
      }
      return reply(200, { ok: true, id: key, duplicate });
    }
    return reply(404, { error: 'not_found', message: `No route ${path}` });
  };

  openSocket: OpenSocket = (_url, handlers) => {
    const socket = { handlers, sent: [] as string[], open: false, authed: false };
    this.sockets.push(socket);
    if (this.online) {
      setImmediate(() => {
        socket.open = true;
        handlers.onOpen();
      });
    } else {
      setImmediate(() => handlers.onClose(1006, 'unreachable'));
    }
    return {
      send: (data: string) => {
        socket.sent.push(data);
        const message = JSON.parse(data) as { kind: string; token?: string; after?: number };
        if (message.kind !== 'auth') return;
        socket.authed = true;
        this.deliver(socket, {
          kind: 'hello',
          personId: this.base.person.id,
          cursor: this.entries.at(-1)?.seq ?? 0,
        });
        for (const entry of this.entries.filter((e) => e.seq > (message.after ?? 0)))
          this.deliver(socket, { kind: 'entry', entry });
      },
      close: () => {
        if (!socket.open) return;
        socket.open = false;
        setImmediate(() => handlers.onClose(1000, ''));
      },
    };
  };

  /** Commits an entry and pushes it to every live socket (pass `push: false` to simulate a lost push). */
  publish(entry: FeedEntry, push = true) {
    this.entries.push(entry);
    if (push) for (const s of this.liveSockets()) this.deliver(s, { kind: 'entry', entry });
  }

  heartbeat() {
    for (const s of this.liveSockets()) this.deliver(s, { kind: 'heartbeat', at: '2026-11-20T09:00:00Z' });
  }

  /** The network drops: sockets die without a proper close reaching the client, requests fail. */
  goOffline() {
    this.online = false;
    for (const s of this.sockets) s.open = false;
  }

  liveSockets() {
    return this.sockets.filter((s) => s.open && s.authed);
  }

  private deliver(socket: { handlers: SocketHandlers; open: boolean }, message: unknown) {
    if (socket.open) socket.handlers.onMessage(JSON.stringify(message));
  }
}

function reply(status: number, body: unknown) {
  return { ok: status < 400, status, text: async () => JSON.stringify(body) };
}

export function fakeDeps(
  server: FakeServer,
  clock: FakeClock,
  storage: KeyValueStorage = new MemoryStorage(),
): SyncDeps & { keys: string[] } {
  const keys: string[] = [];
  let n = 0;
  return {
    // Late-bound, so a test can swap the server's behaviour after the client was made.
    http: (url, init) => server.http(url, init),
    openSocket: (url, handlers) => server.openSocket(url, handlers),
    storage,
    clock,
    random: () => 0.5,
    newKey: () => {
      const key = `key-${++n}-${Math.random().toString(36).slice(2, 8)}`;
      keys.push(key);
      return key;
    },
    keys,
  };
}
