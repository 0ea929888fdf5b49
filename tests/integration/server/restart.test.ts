import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestResult } from '../../../shared/api/ingest';
import { openStore } from '../../../server/src/store/database';
import { ADMIN_TOKEN, apiFor } from './helpers/test-server';
import { spawnServer, waitForExit, type ServerProcess } from './helpers/server-process';

const BATCHES = 5;
const PER_BATCH = 150;

function batch(n: number) {
  return Array.from({ length: PER_BATCH }, (_, i) => ({
    type: 'ticket_solved',
    source: 'restart-test',
    externalId: `b${n}-e${i}`,
    ticketId: `R-${n}-${i}`,
    agent: `zendesk:${1000 + (i % 5)}`,
    at: new Date(Date.UTC(2026, 10, 2, 9) + (n * PER_BATCH + i) * 60_000).toISOString(),
  }));
}

const pgUrl = process.env.TEST_DATABASE_URL;
const cases = [
  { name: 'sqlite', store: () => ({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-restart-')) }) },
  ...(pgUrl
    ? [
        {
          name: 'postgres',
          store: () => {
            const u = new URL(pgUrl);
            u.searchParams.set('schema', `sk_restart_${randomBytes(5).toString('hex')}`);
            return { databaseUrl: u.toString() };
          },
        },
      ]
    : []),
];

describe.each(cases)('restart mid-ingest loses no acknowledged event ($name)', ({ store }) => {
  const where = store();
  const args = 'dataDir' in where ? ['--data-dir', where.dataDir] : ['--database-url', where.databaseUrl];
  let running: ServerProcess | null = null;
  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await waitForExit(running.child);
    }
    if ('dataDir' in where) fs.rmSync(where.dataDir, { recursive: true, force: true });
    else {
      const schema = new URL(where.databaseUrl).searchParams.get('schema');
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });

  it(
    'SIGKILLs the server between batches and after an unacknowledged one; every acknowledged event is stored exactly once',
    { timeout: 180_000 },
    async () => {
      const acknowledged = new Set<string>();
      let n = 0;
      while (n < BATCHES) {
        running = await spawnServer(args, { SIDEKICK_ADMIN_TOKEN: ADMIN_TOKEN });
        const api = apiFor(running.url);
        // Two batches per life: the first acknowledged, the second sent and killed before its answer is read.
        const events = batch(n);
        const res = await api<IngestResult>('POST', '/api/ingest/events', { body: { events } });
        expect(res.status).toBe(200);
        expect(res.body.accepted + res.body.duplicates).toBe(PER_BATCH);
        for (const e of events) acknowledged.add(e.externalId);
        n += 1;
        if (n < BATCHES) {
          void api('POST', '/api/ingest/events', { body: { events: batch(n) } }).catch(() => undefined);
          await new Promise((r) => setTimeout(r, 15));
        }
        running.child.kill('SIGKILL');
        await waitForExit(running.child);
        // The in-flight batch is resent on the next life (as a client outbox would): duplicates are harmless.
      }
      running = await spawnServer(args, { SIDEKICK_ADMIN_TOKEN: ADMIN_TOKEN });
      expect((await apiFor(running.url)('GET', '/healthz', { token: null })).status).toBe(200);
      running.child.kill('SIGTERM');
      expect(await waitForExit(running.child)).toBe(0);

      const db = await openStore(where);
      const rows = await db.db
        .selectFrom('events')
        .select('external_id')
        .where('source', '=', 'restart-test')
        .execute();
      await db.close();
      const stored = rows.map((r) => r.external_id);
      expect(new Set(stored).size).toBe(stored.length);
      for (const id of acknowledged) expect(stored).toContain(id);
      expect(acknowledged.size).toBe(BATCHES * PER_BATCH);
    },
  );
});
