import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/src/app/start';
import { ADMIN_TOKEN, getJson } from './helpers/import-server';
import { runImportCli } from './helpers/run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-cli-forgive-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A phone system's call log: date and time apart, hours without a leading zero, answered and missed calls,
// no time zone in the file, and a "Call ID" that the export reused.
const CALLS = write(
  'calls.csv',
  [
    'Call ID,Date,Time,Agent,Status,Talk',
    'c1,09/03/2026,9:05,ana,Answered,300',
    'c2,09/03/2026,9:07,ana,Missed,0',
    'c1,10/03/2026,8:00,ana,Answered,60',
  ].join('\n') + '\n',
);
const callMapping = (over: Record<string, unknown>) =>
  write(
    `calls-${Math.random().toString(36).slice(2)}.json`,
    JSON.stringify({
      mapping: 'generic',
      source: 'phone',
      timeFormat: 'dd/MM/yyyy HH:mm',
      columns: { at: ['Date', 'Time'], agent: 'Agent', talkSeconds: 'Talk' },
      constants: { type: 'call_handled' },
      where: { Status: 'Answered' },
      ...over,
    }),
  );

describe('sidekick-server import: warnings, --strict and several files', () => {
  it('says loudly (stdout and stderr) that naive times were read as UTC and that rows named people no one created, and exits 0', async () => {
    const res = await runImportCli([
      CALLS,
      '--mapping-file',
      callMapping({}),
      '--data-dir',
      path.join(dir, 'a'),
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Records left out by the mapping's row filter \(where\): 1\./);
    for (const out of [res.stdout, res.stderr]) {
      expect(out).toMatch(
        /WARNING: 2 times had no UTC offset \(e\.g\. "09\/03\/2026 9:05"\) and no time zone was given, so they were read as UTC\./,
      );
      expect(out).toMatch(/WARNING: 2 events named 1 person no one created \(phone:ana\)/);
    }
  }, 60_000);

  it('with --strict the same import exits 4 and says why', async () => {
    const res = await runImportCli([
      CALLS,
      '--mapping-file',
      callMapping({}),
      '--data-dir',
      path.join(dir, 'b'),
      '--strict',
    ]);
    expect(res.code).toBe(4);
    expect(res.stderr).toMatch(/--strict: the import warned 2 time\(s\); exiting 4\./);
  }, 60_000);

  it('--strict with a zone given still fails on an id column that is not unique within the file', async () => {
    const res = await runImportCli([
      CALLS,
      '--mapping-file',
      callMapping({
        timezone: 'Europe/Lisbon',
        columns: { at: ['Date', 'Time'], agent: 'Agent', externalId: 'Call ID' },
      }),
      '--data-dir',
      path.join(dir, 'c'),
      '--strict',
      '--json',
    ]);
    expect(res.code).toBe(4);
    const summary = JSON.parse(res.stdout) as {
      accepted: number;
      duplicates: number;
      warnings: { kind: string }[];
    };
    expect(summary).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(summary.warnings.map((w) => w.kind)).toEqual(['id_not_unique', 'unknown_people']);
    expect(res.stderr).toMatch(
      /WARNING: The id column "Call ID" is not unique within the file: 1 row reuse an id/,
    );
  }, 60_000);

  it('joins tickets, ticket metrics and users given as several files; the users name the agents', async () => {
    const dataDir = path.join(dir, 'zendesk');
    const tickets = write(
      'tickets.jsonl',
      jsonl([
        { id: 1, created_at: '2026-02-02T08:00:00Z', status: 'solved', assignee_id: 501 },
        { id: 2, created_at: '2026-02-03T08:00:00Z', status: 'solved', assignee_id: 501 },
      ]),
    );
    const metrics = write(
      'ticket_metrics.jsonl',
      jsonl(
        [1, 2].map((id) => ({
          id: 90 + id,
          ticket_id: id,
          reply_time_in_minutes: { calendar: 20 * id },
          full_resolution_time_in_minutes: { calendar: 100 },
        })),
      ),
    );
    const users = write(
      'users.jsonl',
      jsonl([{ id: 501, name: 'Ana Silva', email: 'ana@example.com', role: 'agent' }]),
    );
    const res = await runImportCli([
      tickets,
      metrics,
      users,
      '--mapping',
      'zendesk',
      '--data-dir',
      dataDir,
      '--strict',
      '--json',
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ records: 5, accepted: 6, rejectedCount: 0, warnings: [] });

    const server = await startServer({ dataDir, adminToken: ADMIN_TOKEN, port: 0, scheduler: false });
    try {
      const { people } = await getJson<{ people: { id: string; name: string; handles: string[] }[] }>(
        `${server.url}/api/admin/people?handle=zendesk:501`,
      );
      expect(people.map((p) => [p.name, [...p.handles].sort()])).toEqual([
        ['Ana Silva', ['email:ana@example.com', 'zendesk:501']],
      ]);
      const m = await getJson<{ frtAvgMinutes: { sample: number }; solved: { value: number } }>(
        `${server.url}/api/people/${people[0]!.id}/metrics?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
      );
      // Both first replies and both solves came from the metrics file, credited to the ticket's assignee.
      expect([m.frtAvgMinutes.sample, m.solved.value]).toEqual([2, 2]);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('a metrics file alone is rejected line by line with the file named, never stored as tickets (exit 3)', async () => {
    const metrics = write('only-metrics.jsonl', jsonl([{ id: 91, ticket_id: 1, reply_time_in_minutes: 5 }]));
    const other = write('empty.jsonl', '');
    const res = await runImportCli([
      metrics,
      other,
      '--mapping',
      'zendesk',
      '--data-dir',
      path.join(dir, 'm'),
    ]);
    expect(res.code).toBe(3);
    expect(res.stdout).toMatch(/Events: 0 derived/);
    expect(res.stdout).toMatch(/only-metrics\.jsonl line 1: this is a ticket metrics record, not a ticket/);
  }, 60_000);

  it('reads a saved API page by its .json extension', async () => {
    const page = write(
      'page.json',
      JSON.stringify({
        tickets: [{ id: 5, created_at: '2026-02-02T08:00:00Z', status: 'open', assignee_id: 501 }],
        metric_sets: [{ ticket_id: 5, initially_assigned_at: '2026-02-02T08:01:00Z' }],
        end_of_stream: true,
      }),
    );
    const res = await runImportCli([
      page,
      '--mapping',
      'zendesk',
      '--data-dir',
      path.join(dir, 'p'),
      '--json',
    ]);
    expect(JSON.parse(res.stdout)).toMatchObject({ records: 2, accepted: 2, rejectedCount: 0 });
  }, 60_000);

  it('refuses several files with --server, saying how to join them', async () => {
    const res = await runImportCli([CALLS, CALLS, '--mapping', 'generic', '--server', 'http://127.0.0.1:9'], {
      SIDEKICK_TOKEN: 'x',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--server takes one file; join JSON Lines files into one first/);
  }, 60_000);
});
