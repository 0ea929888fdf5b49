import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../shared/api/connections';
import { ADMIN_TOKEN, DIALECTS, TEST_NOW, apiFor } from '../server/helpers/test-server';
import { spawnServer, waitForExit, type ServerProcess } from '../server/helpers/server-process';
import { openStore } from '../../../server/src/store/database';
import { startFakeZendesk, type FakeZendesk } from './fakes/fake-zendesk';
import { SECRET_KEY, SYNC_FROM, zendeskTicket } from './scenario';

/**
 * The real server (`sidekick-server serve`, its scheduler polling) is SIGKILLed while it reads the sixth page of
 * Zendesk's ticket export. Restarted on the same store, it must ask for exactly the page it was on (its stored
 * cursor), and end with every event of the export stored once: nothing missed, nothing twice, and the
 * connection's count of imported events equal to what is stored.
 */
const TICKETS = 30;
// Per ticket: created, assigned, solved, and two agent replies (the customer's comment is not an agent's).
const EXPECTED = TICKETS * 5;

async function waitFor<T>(what: string, probe: () => Promise<T | null>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const dialect of DIALECTS) {
  describe(`a connector killed mid-sync (${dialect.name})`, () => {
    let z: FakeZendesk | undefined;
    let server: ServerProcess | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    afterAll(async () => {
      if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
      await z?.close();
      await cleanup?.();
    });

    it('resumes at the page it was reading and stores every event exactly once', async () => {
      z = await startFakeZendesk();
      z.users.push(
        { id: 101, name: 'Ana Alvarez', email: 'ana@acme.example', role: 'agent' },
        { id: 102, name: 'Ben Brook', email: 'ben@acme.example', role: 'agent' },
      );
      for (let i = 1; i <= TICKETS; i++) zendeskTicket(z, i, i * 7, { first: 101, second: 102 });
      const store = await dialect.create();
      cleanup = store.cleanup;
      const storeArgs = store.options.databaseUrl
        ? ['--database-url', store.options.databaseUrl]
        : ['--data-dir', store.options.dataDir ?? ''];
      const env = { SIDEKICK_ADMIN_TOKEN: ADMIN_TOKEN, SIDEKICK_SECRET_KEY: SECRET_KEY.toString('hex') };
      const start = () => spawnServer([...storeArgs, '--now', TEST_NOW], env);

      let ticketPages = 0;
      let killedAt: string | null = null;
      let running: ServerProcess = await start();
      server = running;
      z.onRequest(async (url) => {
        if (url.pathname !== '/api/v2/incremental/tickets/cursor.json' || killedAt !== null) return;
        ticketPages += 1;
        if (ticketPages < 6) return;
        killedAt = url.search;
        running.child.kill('SIGKILL');
        await waitForExit(running.child);
      });
      const created = await apiFor(running.url)<ConnectionRecord>('POST', '/api/admin/connections', {
        body: {
          vendor: 'zendesk',
          baseUrl: z.url,
          startFrom: SYNC_FROM,
          credentials: { kind: 'api_token', email: z.email, token: z.token },
        },
      });
      expect(created.status).toBe(201);
      await waitFor('the kill', async () => (running.child.signalCode === 'SIGKILL' ? true : null));
      expect(killedAt).toMatch(/^\?cursor=/);
      const killedRequest = z.requests.length;

      running = await start();
      server = running;
      const api = apiFor(running.url);
      const done = await waitFor('the resumed sync to catch up', async () => {
        const res = await api<ConnectionRecord>('GET', `/api/admin/connections/${created.body.id}`);
        return res.body.caughtUp ? res.body : null;
      });
      const resumed = z.requests
        .slice(killedRequest)
        .filter((r) => r.startsWith('/api/v2/incremental/tickets/'));
      // Exactly where it stopped: the page that was being read when the process died, not the start.
      expect(resumed[0]).toBe(`/api/v2/incremental/tickets/cursor.json${killedAt ?? ''}`);
      expect(resumed.some((r) => r.includes('start_time='))).toBe(false);

      const db = await openStore(store.options);
      try {
        const rows = await db.db
          .selectFrom('events')
          .select(['external_id'])
          .where('source', '=', 'zendesk')
          .execute();
        expect(rows).toHaveLength(EXPECTED);
        expect(new Set(rows.map((r) => r.external_id)).size).toBe(EXPECTED);
      } finally {
        await db.close();
      }
      expect(done.eventsImported).toBe(EXPECTED);
      expect(done.lastError).toBeNull();
      running.child.kill('SIGTERM');
      await waitForExit(running.child);
    }, 240_000);
  });
}
