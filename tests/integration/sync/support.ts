import { createServer, Socket, type Server } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import {
  createApiHost,
  createSyncClient,
  type KeyValueStorage,
  type Session,
  type SyncClient,
} from '../../../shared/sync';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc';
import type { FeedEntry } from '../../../shared/api';
import { consoleLogger, nodeClock, nodeHttp, openWsSocket } from '../../../electron/main/sync/node-adapters';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';

export const ADMIN_TOKEN = 'sk_admin_sync_integration_0123456789';

/** Where the server's clock starts (a Wednesday noon, UTC): no sync test depends on the day it runs. */
const SYNC_SUITE_NOW = Date.parse('2026-03-11T12:00:00.000Z');

/**
 * A real sync server on 127.0.0.1 with its own SQLite file; `start()` after `stop()` reopens the same file on
 * the same port, its clock carried on from where it was.
 */
export async function startTestServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidekick-sync-'));
  const startedAt = Date.now();
  const options = {
    dataDir,
    adminToken: ADMIN_TOKEN,
    host: '127.0.0.1',
    scheduler: false,
    config: { heartbeatMs: 1_000 },
    now: () => new Date(SYNC_SUITE_NOW + (Date.now() - startedAt)),
  };
  let server: RunningServer = await startServer({ ...options, port: 0 });
  const port = Number(new URL(server.url).port);
  return {
    url: server.url,
    port,
    get current() {
      return server;
    },
    async stop() {
      await server.close();
    },
    async start() {
      server = await startServer({ ...options, port });
    },
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function call<T>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = key ?? randomUUID();
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A team with a supervisor and two agents, made through the admin API like an admin would. */
export async function seedTeam(url: string) {
  const team = await call<{ id: string }>(url, ADMIN_TOKEN, 'POST', '/api/admin/teams', {
    name: 'Care Crew',
    timezone: 'Europe/Warsaw',
    dailyGoal: { minSatisfied: 1 },
  });
  const person = async (name: string, role: 'agent' | 'supervisor') => {
    const p = await call<{ id: string }>(url, ADMIN_TOKEN, 'POST', '/api/admin/people', {
      name,
      role,
      teamIds: [team.id],
    });
    const t = await call<{ token: string }>(url, ADMIN_TOKEN, 'POST', `/api/admin/people/${p.id}/tokens`, {});
    return { id: p.id, name, token: t.token };
  };
  return {
    teamId: team.id,
    supervisor: await person('Sam Lead', 'supervisor'),
    ana: await person('Ana Kowalska', 'agent'),
    ben: await person('Ben Ode', 'agent'),
  };
}

const quiet = (level: string, message: string) =>
  level === 'error' ? consoleLogger(level, message) : undefined;

/** shared/sync with the same Node adapters the Electron main process uses, recording every entry it applies. */
export function syncClient(serverUrl: string, token: string, storage: KeyValueStorage = new MemoryStorage()) {
  const seen: FeedEntry[] = [];
  const client: SyncClient = createSyncClient(
    {
      http: nodeHttp,
      openSocket: openWsSocket,
      storage,
      clock: nodeClock,
      random: Math.random,
      newKey: randomUUID,
      log: quiet,
    },
    { serverUrl, token, heartbeatTimeoutMs: 3_000, backoff: { initialMs: 50, maxMs: 400, factor: 2 } },
  );
  client.onEntry((e) => seen.push(e));
  return { client, seen, storage };
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A TCP proxy in front of the server whose link can be cut (all connections dropped, new ones refused) and restored. */
export async function startProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let mode: 'up' | 'cut' | 'silent' = 'up';
  const server: Server = createServer((client) => {
    if (mode === 'cut') return client.destroy();
    sockets.add(client);
    client.on('error', () => client.destroy()).on('close', () => sockets.delete(client));
    // A silent network accepts the connection and then never delivers a byte either way.
    if (mode === 'silent') return;
    const upstream = new Socket();
    sockets.add(upstream);
    upstream.connect(targetPort, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(upstream);
      pairs.delete(pair);
    };
    client.on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const destroyAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    /** The link drops: every connection is reset, new ones are refused. */
    cut() {
      mode = 'cut';
      destroyAll();
    },
    /** The link goes quiet without any close (a sleeping laptop, a dead Wi-Fi): only a heartbeat timeout notices. */
    silence() {
      mode = 'silent';
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    /** The link is back; connections from the bad period are dead and get reset, as the OS eventually would. */
    restore() {
      mode = 'up';
      destroyAll();
    },
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}

/** Per-person seqs the client applied must be 1…n with nothing missing and nothing twice. */
export function assertContiguous(seen: readonly FeedEntry[], from: number): void {
  seen.forEach((entry, i) => {
    if (entry.seq !== from + i)
      throw new Error(
        `expected seq ${from + i} at position ${i}, got ${entry.seq} (seqs: ${seen.map((e) => e.seq).join(',')})`,
      );
  });
}

/** The renderer's API as the desktop and the browser host serve it (shared/sync's API host), on node adapters. */
export function nodeApiHost(
  options: { serverUrlProblem?: (url: string) => string | null; onHttp?: (url: string) => void } = {},
) {
  let session: Session | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  const log = (level: string, message: string) =>
    level === 'error' ? consoleLogger(level, message) : undefined;
  return createApiHost({
    createClient: (s) =>
      createSyncClient(
        {
          http: nodeHttp,
          openSocket: openWsSocket,
          storage: new MemoryStorage(),
          clock: nodeClock,
          random: Math.random,
          newKey: randomUUID,
          log,
        },
        s,
      ),
    http: (url, init) => {
      options.onHttp?.(url);
      return nodeHttp(url, init);
    },
    ...(options.serverUrlProblem ? { serverUrlProblem: options.serverUrlProblem } : {}),
    sessions: {
      load: async () => session,
      save: async (s) => void (session = s),
      clear: async () => void (session = null),
    },
    settings: { load: async () => settings, save: async (s) => void (settings = s) },
    platform: {
      openExternal: async () => undefined,
      saveFile: async () => ({ saved: false }),
      closePopover: async () => undefined,
      capabilities: { startAtLogin: false },
    },
    log,
  });
}
