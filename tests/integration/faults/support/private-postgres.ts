import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl on a free port, data under /tmp), so an outage test can
 * stop and kill a real database without touching the shared one at 127.0.0.1:5432. The binaries are PostgreSQL
 * 15's Debian location unless SIDEKICK_PG_BIN names another; there is no fallback and no skip: a machine without
 * them fails the test with the reason, since CI installs them the same way as the dev machines.
 * PostgreSQL refuses to run as root, so as root every pg_ctl runs as the `postgres` user (runuser).
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: clients are disconnected, the cluster shuts down cleanly. */
  stopFast(): Promise<void>;
  /** SIGKILL of the postmaster; its backends notice and exit, shared memory is left behind for the next start. */
  killPostmaster(): Promise<void>;
  /** Starts the cluster again on the same port and data, retrying while a killed cluster's backends linger. */
  start(): Promise<void>;
  /** pg_terminate_backend of one idle connection of `database`; resolves with how many were terminated. */
  terminateOneIdle(database?: string): Promise<number>;
  /** Runs one query on a fresh connection (never a pool: the cluster may just have restarted). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  /** Stops the cluster (immediate) and removes its files. */
  dispose(): Promise<void>;
}

const BIN = process.env.SIDEKICK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  for (const tool of ['initdb', 'pg_ctl', 'postgres'])
    if (!existsSync(join(BIN, tool)))
      throw new Error(
        `PostgreSQL binaries not found: ${join(BIN, tool)} is missing. The outage test needs PostgreSQL 15 ` +
          `(apt-get install postgresql-15) or SIDEKICK_PG_BIN naming its bin directory; it does not skip.`,
      );
  const root = mkdtempSync(join(tmpdir(), 'sidekick-pg-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  const pgTool = async (tool: string, args: string[]) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]]
      : [join(BIN, tool), args];
    try {
      return await run(command, argv, { timeout: 60_000 });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  await pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=40`;
  const start = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await pgTool('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', 'start']);
        return;
      } catch (error) {
        // After a SIGKILL of the postmaster its backends may hold the shared memory for a moment.
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  };
  await start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const query = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  return {
    url,
    port,
    start,
    query,
    stopFast: async () => {
      await pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    killPostmaster: async () => {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      await waitUntil(() => !alive(pid), 10_000, 'the killed postmaster to be gone');
    },
    terminateOneIdle: async (database = 'postgres') => {
      const rows = await query<{ terminated: boolean }>(
        `select pg_terminate_backend(pid) as terminated from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and state = 'idle' and backend_type = 'client backend'
          limit 1`,
        [database],
      );
      return rows.filter((r) => r.terminated).length;
    },
    dispose: async () => {
      await pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
