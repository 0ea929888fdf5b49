import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { spawnServer, type ChildServer } from './child-server';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../server/src/cli/main.ts', import.meta.url));

export interface SidekickProcess extends ChildServer {
  adminToken: string;
}

/**
 * The real server, started the way an operator starts it (the CLI), in its own process so its RSS and CPU
 * are its own. An admin token is bootstrapped through SIDEKICK_ADMIN_TOKEN. `databaseUrl` selects PostgreSQL.
 */
export async function startSidekick(opts: {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  adminToken?: string;
  env?: NodeJS.ProcessEnv;
  /** The server's clock starts at this instant (`--now`) and runs on in real time. */
  now?: string;
  /** Resolve only after the scheduler's first pass, so nothing it writes at start lands after the caller reads. */
  waitForScheduler?: boolean;
  /** How long the start may take (default 60 s). */
  timeoutMs?: number;
}): Promise<SidekickProcess> {
  const adminToken = opts.adminToken ?? `bench-admin-${randomBytes(16).toString('hex')}`;
  const args = [
    '--import',
    'tsx',
    CLI,
    'serve',
    '--port',
    String(opts.port ?? 0),
    '--host',
    '127.0.0.1',
    '--data-dir',
    opts.dataDir,
    ...(opts.now ? ['--now', opts.now] : []),
    ...(process.env.BENCH_SERVER_LOG ? ['--log'] : []),
  ];
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (on its graceful stop).
  if (process.env.BENCH_CPU_PROF) args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  // The ingest and per-person action limits protect production from a runaway connector or account; a benchmark
  // is that connector, and its supervisor sends far more than 60 kudos a minute, on purpose.
  const env: NodeJS.ProcessEnv = {
    SIDEKICK_ADMIN_TOKEN: adminToken,
    SIDEKICK_INGEST_RATE_PER_MINUTE: '1000000',
    SIDEKICK_ACTIONS_PER_MINUTE: '1000000',
    NODE_ENV: 'production',
    ...opts.env,
  };
  if (opts.databaseUrl !== undefined) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const server = await spawnServer(process.execPath, args, {
    cwd: REPO,
    ready: /Sidekick server listening on (\S+)/,
    ...(opts.waitForScheduler ? { alsoWaitFor: [/Scheduler: first pass done/] } : {}),
    env,
    timeoutMs: opts.timeoutMs ?? 60_000,
  });
  return { ...server, url: server.url.replace(/\/$/, ''), adminToken };
}

/**
 * The server's scheduler runs its first tick a second after start (weekly offers, every streak), and with
 * thousands of people that tick holds the event loop for a while. Measuring through it would measure the
 * tick, so benchmarks wait until /healthz answers quickly three times in a row. Returns how long that took.
 */
export async function waitUntilResponsive(url: string, timeoutMs = 180_000): Promise<number> {
  const start = Date.now();
  await new Promise((r) => setTimeout(r, 1_500));
  let quick = 0;
  while (quick < 3) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`the server at ${url} was still busy ${timeoutMs / 1000} s after start`);
    const t = Date.now();
    const res = await fetch(`${url}/healthz`);
    await res.text();
    quick = res.ok && Date.now() - t < 100 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - start;
}
