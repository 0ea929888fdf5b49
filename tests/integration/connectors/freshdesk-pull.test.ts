import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../shared/api/connections';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { startFakeFreshdesk, type FakeFreshdesk } from './fakes/fake-freshdesk';
import { SECRET_KEY, SYNC_FROM, freshdeskStory, freshdeskTicket } from './scenario';
import { connection, metricsOf, personByHandle, pollOnce, storedEvents } from './connection-helpers';

/**
 * A Freshdesk pull connection against a fake Freshdesk: agents become people, tickets come by updated_since with
 * stats over more than one page, conversations give each reply to its author, survey ratings give CSAT by sign,
 * and a 429 / 5xx / 401 are handled as documented.
 */
for (const dialect of DIALECTS) {
  describe(`Freshdesk pull connection (${dialect.name})`, () => {
    let t: TestServer;
    let f: FakeFreshdesk;
    let id = '';
    beforeAll(async () => {
      f = await startFakeFreshdesk();
      freshdeskStory(f);
      // 120 quiet tickets after the story: the ticket list needs a second page of 100.
      for (let i = 0; i < 120; i++)
        f.tickets.push({
          id: 1000 + i,
          created_at: '2026-03-10T08:00:00Z',
          updated_at: `2026-03-10T08:${String(i % 60).padStart(2, '0')}:00Z`,
          responder_id: null,
        });
      t = await startTestServer(dialect, { config: { secretKey: SECRET_KEY } });
      const created = await t.api<ConnectionRecord>('POST', '/api/admin/connections', {
        body: {
          vendor: 'freshdesk',
          baseUrl: f.url,
          startFrom: SYNC_FROM,
          credentials: { kind: 'api_key', apiKey: f.apiKey },
        },
      });
      expect(created.status).toBe(201);
      id = created.body.id;
    });
    afterAll(async () => {
      await t?.close();
      await f?.close();
    });

    it('imports agents, tickets over two pages, replies by author and ratings by sign, through a 429 and a 500', async () => {
      f.fail({ path: '/api/v2/tickets', status: 429, headers: { 'retry-after': '1' } });
      f.fail({ path: '/api/v2/surveys', status: 500 });
      const outcome = await pollOnce(t, id);
      expect(outcome.error).toBeNull();
      expect(outcome.caughtUp).toBe(true);
      expect(f.requests.some((r) => r.startsWith('/api/v2/tickets?') && r.includes('page=2'))).toBe(true);
      expect(f.requests.every((r) => !r.startsWith('/api/v2/tickets?') || r.includes('updated_since='))).toBe(
        true,
      );

      const ana = await personByHandle(t, 'freshdesk:11');
      expect(ana).toMatchObject({ name: 'Ana Alvarez', claimed: false });
      expect(ana.handles.sort()).toEqual(['email:ana@acme.example', 'freshdesk:11']);
      const ben = await personByHandle(t, 'email:ben@acme.example');

      const events = await storedEvents(t, 'freshdesk');
      const count = (type: string) => events.filter((e) => e.type === type).length;
      expect(count('ticket_created')).toBe(125);
      expect(count('ticket_solved')).toBe(5);
      expect(count('agent_replied')).toBe(10);
      expect(count('csat_rated')).toBe(2);
      const anaM = await metricsOf(t, ana.id);
      const benM = await metricsOf(t, ben.id);
      expect(anaM.frtAvgMinutes).toEqual({ value: 10, sample: 5 });
      expect(benM.frtAvgMinutes.sample).toBe(0);
      expect(benM.solved).toMatchObject({ value: 5 });
      expect(benM.csatPct.sample).toBe(2);
      const sat = await t.server.ctx.store.db
        .selectFrom('events')
        .select('body')
        .where('type', '=', 'csat_rated')
        .execute();
      expect(sat.map((r) => (JSON.parse(r.body) as { satisfied: boolean }).satisfied).sort()).toEqual([
        false,
        true,
      ]);
      const status = await connection(t, id);
      expect(status.eventsImported).toBe(events.length);
      expect(JSON.stringify(status)).not.toContain(f.apiKey);
    });

    it('picks up a late, out-of-order update from where it stopped, without duplicates', async () => {
      // Created before the others, updated after the last sync: Ben answered it first.
      freshdeskTicket(f, 6, -30, 12, 4, false, 24 * 60);
      const before = f.requests.length;
      const again = await pollOnce(t, id);
      expect(again.error).toBeNull();
      // Ticket 6's created, solved and two agent replies; the boundary ticket re-read is a duplicate.
      expect(again.accepted).toBe(4);
      const asked = f.requests.slice(before).filter((r) => r.startsWith('/api/v2/tickets?'));
      expect(asked.every((r) => !r.includes('updated_since=2026-03-01'))).toBe(true);
      const ben = await personByHandle(t, 'freshdesk:12');
      expect((await metricsOf(t, ben.id)).frtAvgMinutes.sample).toBe(1);
    });

    it('marks a revoked key as needing credentials', async () => {
      f.revoke();
      const refused = await pollOnce(t, id);
      expect(refused.error).toMatch(/Freshdesk refused the credentials \(401/);
      expect((await connection(t, id)).status).toBe('needs_credentials');
    });
  });
}
