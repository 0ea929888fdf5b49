import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportReply } from '../../../shared/api/import';
import {
  FAULT_SUITE_NOW,
  queryStore,
  startFaultServer,
  tempDataDir,
  type FaultServer,
} from './support/fault-server';

/**
 * A kill during an import's final recomputation must not lose the derived state for good. The server (or the
 * in-process CLI import) is made to stop at a fixed point of the recomputation — one agent recomputed and
 * committed, the others not (SIDEKICK_FAULT_PAUSE=recompute logs "fault pause: recompute" and waits) — and is
 * SIGKILLed there. The restarted server's first scheduler pass, or the next import of the same file (which
 * accepts nothing new), must finish it: customer kudos, timeline, person state and streaks end exactly as an
 * import that was never interrupted leaves them.
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(REPO, 'server/src/cli/main.ts');
const files = tempDataDir('recompute-file');
const FILE = join(files.path, 'history.jsonl');
const dirs: { dispose(): void }[] = [files];
let server: FaultServer | undefined;
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) d.dispose();
});

/** Three agents, four days of solved tickets and happy ratings with comments (customer kudos), before "now". */
function historyFile(): string {
  const lines: string[] = [];
  const now = Date.parse(FAULT_SUITE_NOW);
  for (const agent of ['zendesk:rk-1', 'zendesk:rk-2', 'zendesk:rk-3'])
    for (let day = 1; day <= 4; day += 1) {
      const ticketId = `${agent.slice(8)}-${day}`;
      const at = (hours: number) => new Date(now - day * 86_400_000 - 3 * 3_600_000 + hours * 3_600_000);
      const common = { ticketId, agent };
      lines.push(
        JSON.stringify({ ...common, type: 'ticket_created', externalId: `c-${ticketId}`, at: at(0) }),
        JSON.stringify({ ...common, type: 'ticket_solved', externalId: `s-${ticketId}`, at: at(1) }),
        JSON.stringify({
          ...common,
          type: 'csat_rated',
          externalId: `r-${ticketId}`,
          at: at(2),
          satisfied: true,
          score: 'good',
          comment: 'Thank you so much, that was quick and friendly help!',
          customerName: `Customer ${ticketId}`,
        }),
      );
    }
  return `${lines.join('\n')}\n`;
}
writeFileSync(FILE, historyFile());

interface Derived {
  customerKudos: number;
  timeline: number;
  state: { streak: unknown; growth: unknown; trends: unknown } | null;
}

/** What the recomputation derives, per agent handle (person ids differ between stores; handles do not). */
function derivedState(dataDir: string): Record<string, Derived> {
  return queryStore(dataDir, (db) => {
    const rows = db
      .prepare(
        `select h.handle as handle,
                (select count(*) from kudos k where k.to_person_id = h.person_id and k.kind = 'customer') as kudos,
                (select count(*) from timeline t where t.agent_id = h.person_id) as timeline,
                s.streak as streak, s.growth as growth, s.trends as trends
           from handles h left join person_state s on s.person_id = h.person_id
          order by h.handle`,
      )
      .all() as {
      handle: string;
      kudos: number;
      timeline: number;
      streak: string | null;
      growth: string | null;
      trends: string | null;
    }[];
    return Object.fromEntries(
      rows.map((r) => [
        r.handle,
        {
          customerKudos: r.kudos,
          timeline: r.timeline,
          state:
            r.streak === null
              ? null
              : {
                  streak: JSON.parse(r.streak) as unknown,
                  growth: JSON.parse(r.growth ?? 'null') as unknown,
                  trends: JSON.parse(r.trends ?? 'null') as unknown,
                },
        },
      ]),
    );
  });
}

const owed = (dataDir: string): number =>
  queryStore(
    dataDir,
    (db) => (db.prepare('select count(*) as n from pending_work').get() as { n: number }).n,
  );

/** Resolves with the first line of the child's output matching `pattern`. */
function lineFrom(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${buffered.slice(-2000)}`));
    });
  });
}

function cliImport(dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'import',
      FILE,
      '--mapping',
      'generic',
      '--format',
      'jsonl',
      '--json',
      '--now',
      FAULT_SUITE_NOW,
      '--data-dir',
      dataDir,
    ],
    { cwd: REPO, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

async function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, stdout };
}

const killed = async (child: ChildProcess) => {
  const exit = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exit;
};

let expected: Record<string, Derived>;

describe('SIGKILL during the recomputation after an import', () => {
  it('an uninterrupted import derives customer kudos, timeline, person state and streaks (the reference)', async () => {
    const dir = tempDataDir('recompute-ref');
    dirs.push(dir);
    const run = await finished(cliImport(dir.path));
    expect(run.code, run.stdout).toBe(0);
    expected = derivedState(dir.path);
    expect(Object.keys(expected)).toHaveLength(3);
    for (const d of Object.values(expected)) {
      expect(d.customerKudos).toBe(4);
      expect(d.timeline).toBeGreaterThan(0);
      expect(d.state).not.toBeNull();
    }
    expect(owed(dir.path)).toBe(0);
  }, 60_000);

  it('the server finishes it on its next start', async () => {
    const dir = tempDataDir('recompute-server');
    dirs.push(dir);
    server = await startFaultServer(dir.path, { env: { SIDEKICK_FAULT_PAUSE: 'recompute' } });
    const paused = lineFrom(server.process, /fault pause: recompute/);
    const importing = fetch(`${server.url}/api/admin/import?mapping=generic&format=jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/x-ndjson' },
      body: historyFile(),
    }).then(
      (res) => res.status,
      () => 'lost' as const,
    );
    await paused;
    // Killed mid-way: one agent recomputed, the rest not, the work owed.
    expect(owed(dir.path)).toBe(1);
    const partial = Object.values(derivedState(dir.path)).filter((d) => d.state !== null);
    expect(partial.length).toBeLessThan(3);
    server = await server.restart('kill');
    expect(await importing).toBe('lost');
    // startFaultServer waited for the first scheduler pass, which finished the recomputation.
    expect(derivedState(dir.path)).toEqual(expected);
    expect(owed(dir.path)).toBe(0);
    // Sending the file again adds nothing, and owes nothing.
    const again = await fetch(`${server.url}/api/admin/import?mapping=generic&format=jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/x-ndjson' },
      body: historyFile(),
    });
    expect(again.status).toBe(200);
    expect(ImportReply.parse(await again.json())).toMatchObject({
      accepted: 0,
      duplicates: 36,
      recomputed: false,
    });
    expect(derivedState(dir.path)).toEqual(expected);
  }, 120_000);

  it('the next import of the same file finishes it, though it accepts nothing new', async () => {
    const dir = tempDataDir('recompute-cli');
    dirs.push(dir);
    const first = cliImport(dir.path, { SIDEKICK_FAULT_PAUSE: 'recompute' });
    await lineFrom(first, /fault pause: recompute/);
    await killed(first);
    expect(owed(dir.path)).toBe(1);
    const second = await finished(cliImport(dir.path));
    expect(second.code, second.stdout).toBe(0);
    expect(ImportReply.parse(JSON.parse(second.stdout))).toMatchObject({
      accepted: 0,
      duplicates: 36,
      recomputed: true,
    });
    expect(derivedState(dir.path)).toEqual(expected);
    expect(owed(dir.path)).toBe(0);
  }, 120_000);
});
