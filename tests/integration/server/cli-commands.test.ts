import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../server/src/store/database';
import { hashToken } from '../../../server/src/auth/tokens';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [path.join(root, 'server/bin/sidekick-server.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
const cli = (...args: string[]) => cliWith({}, ...args);

describe('sidekick-server admin commands (the installed bin)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-cli-cmds-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'migrate, teams add, people add, token create and seed-demo work on a data dir',
    { timeout: 120_000 },
    async () => {
      expect((await cli('migrate', '--data-dir', dir)).stdout).toContain('Schema is up to date (sqlite');
      const team = JSON.parse(
        (
          await cli(
            'teams',
            'add',
            '--name',
            'Night Owls',
            '--timezone',
            'America/Chicago',
            '--data-dir',
            dir,
          )
        ).stdout,
      ) as { id: string };
      const person = JSON.parse(
        (
          await cli(
            'people',
            'add',
            '--name',
            'Nia Night',
            '--role',
            'agent',
            '--team',
            team.id,
            '--handle',
            'zendesk:4242',
            '--data-dir',
            dir,
          )
        ).stdout,
      ) as { id: string; timezone: string; teamIds: string[] };
      expect(person).toMatchObject({ timezone: 'America/Chicago', teamIds: [team.id] });
      const token = (await cli('token', 'create', '--person', person.id, '--data-dir', dir)).stdout.trim();
      expect(token).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
      const seeded = (await cli('seed-demo', '--data-dir', dir)).stdout;
      expect(seeded.split('\n').filter((l) => l.includes('sk_'))).toHaveLength(7);
      const store = await openStore({ dataDir: dir });
      const row = await store.db
        .selectFrom('tokens')
        .select('person_id')
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      const found = await store.db
        .selectFrom('handles')
        .select('person_id')
        .where('handle', '=', 'zendesk:4242')
        .executeTakeFirst();
      await store.close();
      expect(row?.person_id).toBe(person.id);
      expect(found?.person_id).toBe(person.id);
      await expect(cli('token', 'create', '--person', 'nobody', '--data-dir', dir)).rejects.toMatchObject({
        stderr: expect.stringContaining('No person with id nobody'),
      });
      await expect(cli('frobnicate')).rejects.toMatchObject({ code: 2 });
    },
  );

  it('stops with exit code 1 and a sentence naming a bad setting, before opening any store', async () => {
    const fresh = path.join(dir, 'never-opened');
    await expect(
      cliWith({ SIDEKICK_HEARTBEAT_MS: 'often' }, 'serve', '--port', '0', '--data-dir', fresh),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'SIDEKICK_HEARTBEAT_MS must be a whole number of milliseconds, at least 1; got "often".',
      ),
    });
    await expect(cli('serve', '--port', 'eighty', '--data-dir', fresh)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--port must be a port number from 0 to 65535; got "eighty".'),
    });
    await expect(cli('migrate', '--database-url', 'mysql://db/x', '--data-dir', fresh)).rejects.toMatchObject(
      {
        code: 1,
        stderr: expect.stringContaining('--database-url must be a postgres:// connection URL'),
      },
    );
    expect(fs.existsSync(fresh)).toBe(false);
  }, 60_000);
});
