import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const DemoTokens = z.object({
  serverUrl: z.string(),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['agent', 'supervisor', 'admin']),
      token: z.string(),
    }),
  ),
});
export type DemoPerson = z.infer<typeof DemoTokens>['people'][number];

/**
 * Where the suite server's clock starts: a Wednesday, 10:00 in the demo team's zone (Europe/Warsaw), mid-week and
 * far from a DST change, so no e2e test depends on the day, week or hour it runs. The clock runs on from there.
 */
export const E2E_NOW = '2026-03-11T09:00:00.000Z';

export const E2EState = z.object({
  url: z.string(),
  /** The server's clock as [instant, this machine's Date.now() at that instant]: see serverNow(). */
  clock: z.tuple([z.number(), z.number()]),
  adminToken: z.string(),
  dataDir: z.string(),
  people: DemoTokens.shape.people,
  pid: z.number(),
});
export type E2EState = z.infer<typeof E2EState>;

export interface ServerHandle {
  url: string;
  port: number;
  adminToken: string;
  dataDir: string;
  people: DemoPerson[];
  pid: number;
  /** [the server's clock, this machine's Date.now()] at one instant, to tell the server's time later. */
  clock: [number, number];
  /** The server's clock now (its injected --now, run on in real time). */
  now(): Date;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Spawns the real server CLI with the demo team on 127.0.0.1 (`node --import tsx`, one process, so its pid is
 * the server's), waits for "Sidekick server listening on URL" and reads the tokens file it wrote. A restart on
 * the same data passes the `people` of the first start: it serves without `--demo` (a `--demo` start revokes the
 * demo tokens of every earlier one), so the devices signed in before keep their tokens.
 */
export async function spawnServer(
  options: {
    dataDir?: string;
    port?: number;
    adminToken?: string;
    now?: string;
    people?: DemoPerson[];
    /** More environment for the server (e.g. SIDEKICK_SECRET_KEY for helpdesk connections). */
    env?: Record<string, string>;
  } = {},
): Promise<ServerHandle> {
  const startAt = options.now ?? E2E_NOW;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-e2e-'));
  const adminToken = options.adminToken ?? `admin_${randomBytes(24).toString('hex')}`;
  const tokensFile = path.join(dataDir, 'demo-tokens.json');
  fs.rmSync(tokensFile, { force: true });
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/main.ts',
      'serve',
      ...(options.people ? [] : ['--demo', '--demo-tokens-file', tokensFile]),
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port ?? 0),
      '--data-dir',
      dataDir,
      '--now',
      startAt,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        SIDEKICK_ADMIN_TOKEN: adminToken,
        SIDEKICK_HEARTBEAT_MS: '5000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // The server's clock starts at --now when it builds its context, a little before it listens: taking the moment
  // it listens as that start puts our estimate of its clock slightly behind it, so events dated "now" by a test
  // are never in the server's future.
  const url = await waitForListening(child);
  const clock: [number, number] = [Date.parse(startAt), Date.now()];
  const people = options.people ?? DemoTokens.parse(JSON.parse(fs.readFileSync(tokensFile, 'utf8'))).people;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    adminToken,
    dataDir,
    people,
    pid: child.pid ?? -1,
    clock,
    now: () => new Date(clock[0] + (Date.now() - clock[1])),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Sidekick server listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening:\n${output}`));
    });
  });
}

export const person = (people: DemoPerson[], name: string): DemoPerson => {
  const found = people.find((p) => p.name === name);
  if (!found) throw new Error(`no demo person named ${name}`);
  return found;
};
