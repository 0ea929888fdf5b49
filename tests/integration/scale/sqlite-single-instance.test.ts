import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, waitForExit } from '../server/helpers/server-process';

const root = path.resolve(import.meta.dirname, '../../..');

/** Runs `serve` to completion (it is expected to refuse) and returns its exit code and output. */
async function serveOnce(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'server/src/cli/main.ts'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await waitForExit(child);
  return { code, output };
}

describe('SQLite serves one instance', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-single-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it(
    'a second server process on the same file refuses to start with a sentence and exit code 1',
    { timeout: 90_000 },
    async () => {
      const first = await spawnServer(['--data-dir', dataDir], { DATABASE_URL: '' });
      try {
        const second = await serveOnce(dataDir);
        expect(second.code).toBe(1);
        expect(second.output).toContain(`Another Sidekick server (pid ${first.child.pid}) already serves`);
        expect(second.output).toContain('PostgreSQL');
        // The first one still serves.
        expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      } finally {
        first.child.kill('SIGKILL');
        await waitForExit(first.child);
      }
    },
  );

  it('a lock left by a killed server is taken over', { timeout: 90_000 }, async () => {
    // The previous test killed its server with SIGKILL: its lock file names a pid that no longer runs.
    expect(fs.existsSync(path.join(dataDir, 'sidekick.sqlite.server.lock'))).toBe(true);
    const next = await spawnServer(['--data-dir', dataDir], { DATABASE_URL: '' });
    expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    next.child.kill('SIGTERM');
    expect(await waitForExit(next.child)).toBe(0);
    // A clean stop removes it.
    expect(fs.existsSync(path.join(dataDir, 'sidekick.sqlite.server.lock'))).toBe(false);
  });
});
