import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { ADMIN_TOKEN, getJson } from './helpers/import-server';
import { zendeskTickets } from './helpers/vendor-exports';
import { runImportCli } from './helpers/run-cli';

const runCli = runImportCli;

describe('sidekick-server import (CLI, in-process into a SQLite store)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-cli-import-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'zendesk.jsonl');
  const rejections = path.join(dir, 'rejections.jsonl');
  const { lines, replyMinutes } = zendeskTickets(12);
  // Line 13: a ticket with no created_at; it must be reported, not dropped silently.
  fs.writeFileSync(file, [...lines, JSON.stringify({ id: 77, status: 'open' })].join('\n') + '\n');
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let first: { code: number | null; stdout: string; stderr: string };
  beforeAll(async () => {
    first = await runCli([
      file,
      '--mapping',
      'zendesk',
      '--data-dir',
      dataDir,
      '--rejections',
      rejections,
      '--json',
    ]);
  }, 60_000);

  it('imports, prints a summary (no progress bar off a terminal), writes every rejection and exits 3 because one line was rejected', () => {
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(3);
    expect(first.stdout).not.toContain('importing [');
    const summary = JSON.parse(first.stdout) as {
      records: number;
      accepted: number;
      rejectedCount: number;
      rejected: { line: number; reason: string }[];
    };
    // 12 tickets × (created, assigned, reply, solved) + 4 good ratings.
    expect(summary).toMatchObject({ records: 13, accepted: 12 * 4 + 4, rejectedCount: 1 });
    expect(summary.rejected).toEqual([{ line: 13, reason: 'created_at of ticket 77 is missing' }]);
    expect(
      fs
        .readFileSync(rejections, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(summary.rejected);
  });

  it('a second run of the same file changes nothing', async () => {
    const again = await runCli([file, '--mapping', 'zendesk', '--data-dir', dataDir]);
    expect(again.stdout).toMatch(/0 accepted, 52 duplicates/);
    expect(again.stdout).toMatch(/line 13: created_at of ticket 77 is missing/);
  }, 60_000);

  it("the server then reports the agent's first reply time exactly as Zendesk measured it", async () => {
    server = await startServer({ dataDir, adminToken: ADMIN_TOKEN, port: 0, scheduler: false });
    const { people } = await getJson<{ people: { id: string }[] }>(
      `${server.url}/api/admin/people?handle=zendesk:9001`,
    );
    expect(people).toHaveLength(1);
    const m = await getJson<{
      frtAvgMinutes: { value: number; sample: number };
      solved: { value: number };
      resolutionAvgMinutes: { value: number };
    }>(`${server.url}/api/people/${people[0]!.id}/metrics?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z`);
    const mean = replyMinutes.reduce((a, b) => a + b, 0) / replyMinutes.length;
    expect(m.frtAvgMinutes).toEqual({ value: Math.round(mean * 100) / 100, sample: 12 });
    expect(m.solved.value).toBe(12);
    expect(m.resolutionAvgMinutes.value).toBe(Math.round((mean + 120) * 100) / 100);
  }, 60_000);

  it('refuses a bad mapping file with a sentence and stores nothing', async () => {
    const mapping = path.join(dir, 'bad-mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ mapping: 'generic', columns: { when: 'Closed' } }));
    const res = await runCli([file, '--mapping-file', mapping, '--data-dir', path.join(dir, 'other')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/mapping file is invalid: columns/);
    expect(fs.existsSync(path.join(dir, 'other'))).toBe(false);
  }, 60_000);
});
