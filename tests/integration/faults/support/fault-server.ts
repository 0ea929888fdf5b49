import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startSidekick, type SidekickProcess } from '../../../../bench/lib/sidekick-server';

/**
 * The fault suite runs the real server as a child process (the CLI, as an operator runs it), so a crash or a
 * SIGKILL hits the server and not the test runner, and "the server stays up" means something.
 */
export interface FaultServer extends SidekickProcess {
  dataDir: string;
  /** The server's clock: it started at FAULT_SUITE_NOW and runs on in real time, across restarts too. */
  now(): Date;
  /**
   * Kills (SIGKILL) or stops, then starts a new process on the same port, data directory, database and clock,
   * without the extra `env` (a fault pause is for one run only).
   */
  restart(how: 'kill' | 'stop'): Promise<FaultServer>;
}

/**
 * The instant the fault suite's servers start at, so no test depends on today's date: a Wednesday noon in UTC,
 * in the middle of an agent's week and far from a DST change, whatever day the suite runs on.
 */
export const FAULT_SUITE_NOW = '2026-03-11T12:00:00.000Z';

export function tempDataDir(prefix: string): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), `sidekick-${prefix}-`));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** Auth-failure limiting is per IP and every test client is 127.0.0.1; the auth suite needs many failures. */
const TEST_ENV = { SIDEKICK_AUTH_FAILURES_PER_MINUTE: '100000', SIDEKICK_HEARTBEAT_MS: '2000' };

/**
 * Starts the server and resolves once its scheduler's first pass is done: the scheduler writes at start (the
 * week's offers for people it has not seen), and a test that reads the store or a feed head must not race it.
 */
export async function startFaultServer(
  dataDir: string,
  opts: {
    port?: number;
    adminToken?: string;
    now?: string;
    /** PostgreSQL instead of SQLite under dataDir (the outage test's private cluster). */
    databaseUrl?: string;
    /** Extra environment for the server process (e.g. a fault pause). */
    env?: Record<string, string>;
  } = {},
): Promise<FaultServer> {
  const startedAt = Date.now();
  const nowAtStart = new Date(opts.now ?? FAULT_SUITE_NOW).getTime();
  const now = () => new Date(nowAtStart + (Date.now() - startedAt));
  const server = await startSidekick({
    dataDir,
    env: { ...TEST_ENV, ...opts.env },
    now: new Date(nowAtStart).toISOString(),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    waitForScheduler: true,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.adminToken ? { adminToken: opts.adminToken } : {}),
  });
  const port = Number(new URL(server.url).port);
  return {
    ...server,
    dataDir,
    now,
    async restart(how) {
      if (how === 'kill') await server.kill();
      else await server.stop();
      return startFaultServer(dataDir, {
        port,
        adminToken: server.adminToken,
        now: now().toISOString(),
        ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      });
    },
  };
}

/** Row counts of every table in the server's SQLite file, read-only (WAL lets us read while it runs). */
export function rowCounts(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'sidekick.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

export function queryStore<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'sidekick.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
