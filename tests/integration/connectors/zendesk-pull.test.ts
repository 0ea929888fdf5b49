import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionRecord, CredentialsCheck } from '../../../shared/api/connections';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { startFakeZendesk, type FakeZendesk } from './fakes/fake-zendesk';
import { basic } from './fakes/fake-http';
import { SECRET_KEY, SYNC_FROM, zendeskLateTicket, zendeskStory } from './scenario';
import { connection, metricsOf, personByHandle, pollOnce, storedEvents } from './connection-helpers';

/**
 * A Zendesk pull connection against a fake Zendesk on 127.0.0.1: the admin adds it over the API, the poller reads
 * users, the ticket export, ticket events and ratings through 429s, 5xxs, an empty page before the end, a late
 * out-of-order ticket and an expired token, and the agents' metrics come out with each first reply credited to
 * the agent who wrote it.
 */
for (const dialect of DIALECTS) {
  describe(`Zendesk pull connection (${dialect.name})`, () => {
    let t: TestServer;
    let z: FakeZendesk;
    let id = '';
    let late: { deliver(): void };
    beforeAll(async () => {
      z = await startFakeZendesk();
      zendeskStory(z);
      late = zendeskLateTicket(z);
      t = await startTestServer(dialect, { config: { secretKey: SECRET_KEY } });
    });
    afterAll(async () => {
      await t?.close();
      await z?.close();
    });

    const body = () => ({
      vendor: 'zendesk',
      baseUrl: z.url,
      startFrom: SYNC_FROM,
      credentials: { kind: 'api_token', email: z.email, token: z.token },
    });

    it('checks credentials in one click, refuses bad ones with a sentence, and never returns the secret', async () => {
      const good = await t.api<CredentialsCheck>('POST', '/api/admin/connections/check', { body: body() });
      expect(good.body).toMatchObject({ ok: true, agents: 1 });
      const bad = await t.api<CredentialsCheck>('POST', '/api/admin/connections/check', {
        body: { ...body(), credentials: { kind: 'api_token', email: z.email, token: 'wrong' } },
      });
      expect(bad.status).toBe(200);
      expect(bad.body.ok).toBe(false);
      expect(bad.body.message).toMatch(/Zendesk refused the credentials \(401\)/);
      const plainHttp = await t.api('POST', '/api/admin/connections', {
        body: { ...body(), baseUrl: 'http://acme.zendesk.com' },
      });
      expect(plainHttp.status).toBe(400);

      const created = await t.api<ConnectionRecord>('POST', '/api/admin/connections', { body: body() });
      expect(created.status).toBe(201);
      id = created.body.id;
      expect(created.body).toMatchObject({
        vendor: 'zendesk',
        status: 'active',
        login: z.email,
        eventsImported: 0,
      });
      const list = await t.api('GET', '/api/admin/connections');
      for (const reply of [created, list]) expect(JSON.stringify(reply.body)).not.toContain(z.token);
      const row = await t.server.ctx.store.db
        .selectFrom('connections')
        .select('secret')
        .executeTakeFirstOrThrow();
      expect(row.secret).not.toContain(z.token);
      expect(row.secret.startsWith('v1.')).toBe(true);
    });

    it('reads every stream through a 429, 5xxs and an empty page, and turns agents into unclaimed people', async () => {
      z.fail({ path: '/api/v2/incremental/tickets', status: 429, headers: { 'retry-after': '1' } });
      z.fail({ path: '/api/v2/incremental/ticket_events', status: 503 });
      z.fail({ path: '/api/v2/incremental/ticket_events', status: 502 });
      const before = z.requests.length;
      const outcome = await pollOnce(t, id);
      expect(outcome.error).toBeNull();
      expect(outcome.caughtUp).toBe(true);
      const asked = z.requests.slice(before);
      // The rate-limited page and the failing ones were asked again, not skipped.
      expect(
        asked.filter((r) => r.startsWith(`/api/v2/incremental/tickets/cursor.json?start_time=`)).length,
      ).toBe(2);
      expect(asked.filter((r) => r.includes('ticket_events.json?start_time=')).length).toBeGreaterThanOrEqual(
        3,
      );
      expect(asked.some((r) => r.includes('cursor.json?cursor='))).toBe(true);

      const ana = await personByHandle(t, 'zendesk:101');
      expect(ana).toMatchObject({ name: 'Ana Alvarez', claimed: false });
      expect(ana.handles.sort()).toEqual(['email:ana@acme.example', 'zendesk:101']);
      await personByHandle(t, 'zendesk:103');
      const customers = await t.api<{ people: unknown[] }>('GET', '/api/admin/people?handle=zendesk:9001');
      expect(customers.body.people).toEqual([]);

      const events = await storedEvents(t, 'zendesk');
      const types = events.map((e) => e.type);
      expect(types.filter((x) => x === 'ticket_created')).toHaveLength(5);
      expect(types.filter((x) => x === 'ticket_solved')).toHaveLength(5);
      // 5 tickets × 2 agent replies + ticket 6's note and reply (its events came before its ticket record).
      expect(types.filter((x) => x === 'agent_replied')).toHaveLength(12);
      expect(types.filter((x) => x === 'ticket_reopened')).toHaveLength(1);
      // good and bad are ratings; "offered" is a survey not answered.
      expect(types.filter((x) => x === 'csat_rated')).toHaveLength(2);
      const status = await connection(t, id);
      expect(status.eventsImported).toBe(events.length);
      expect(status.lastError).toBeNull();
      expect(status.syncedThrough).not.toBeNull();
      expect(status.lagSeconds).toBeLessThan(60);
      expect(status.caughtUp).toBe(true);
      expect(status.streams.map((s) => s.stream)).toEqual([
        'satisfaction_ratings',
        'ticket_events',
        'ticket_metric_events',
        'tickets',
      ]);
    });

    it('credits each first reply to its author and stores nothing twice when polled again', async () => {
      late.deliver();
      const again = await pollOnce(t, id);
      expect(again.error).toBeNull();
      // Only ticket 6's own record is new: created, assigned, solved.
      expect(again.accepted).toBe(3);
      const ana = await personByHandle(t, 'zendesk:101');
      const ben = await personByHandle(t, 'zendesk:102');
      const anaM = await metricsOf(t, ana.id);
      const benM = await metricsOf(t, ben.id);
      expect(anaM.frtAvgMinutes).toEqual({ value: 10, sample: 5 });
      // Ticket 6: Ana's private note at 5 min is not a first reply; Ben's public one at 20 min is.
      expect(benM.frtAvgMinutes).toMatchObject({ value: null, sample: 1, reason: 'not_enough_data' });
      expect(benM.solved).toMatchObject({ value: 6 });
      expect(anaM.solved).toMatchObject({ value: 0 });
      expect(benM.reopened).toMatchObject({ value: 1 });
      expect(benM.csatPct.sample).toBe(2);
      const third = await pollOnce(t, id);
      expect(third.accepted).toBe(0);
      expect((await connection(t, id)).eventsImported).toBe((await storedEvents(t, 'zendesk')).length);
    });

    it('marks expired credentials with a sentence, stops polling, and resumes with new ones', async () => {
      z.revoke();
      const refused = await pollOnce(t, id);
      expect(refused.error).toMatch(/Zendesk refused the credentials \(401/);
      const status = await connection(t, id);
      expect(status.status).toBe('needs_credentials');
      expect(status.statusMessage).toMatch(/Enter new credentials to resume/);
      const due = await t.server.ctx.store.db
        .selectFrom('connections')
        .select('next_poll_at')
        .executeTakeFirstOrThrow();
      expect(due.next_poll_at > t.now().toISOString()).toBe(true);
      expect((await t.api('POST', `/api/admin/connections/${id}/resume`)).status).toBe(422);

      z.accept(basic(`${z.email}/token`, 'zd-token-2'));
      const fixed = await t.api<ConnectionRecord>('PATCH', `/api/admin/connections/${id}`, {
        body: { credentials: { kind: 'api_token', email: z.email, token: 'zd-token-2' } },
      });
      expect(fixed.body.status).toBe('active');
      expect(JSON.stringify(fixed.body)).not.toContain('zd-token-2');
      const check = await t.api<CredentialsCheck>('POST', `/api/admin/connections/${id}/check`);
      expect(check.body.ok).toBe(true);
      const after = await pollOnce(t, id);
      expect(after).toMatchObject({ error: null, accepted: 0 });

      const paused = await t.api<ConnectionRecord>('POST', `/api/admin/connections/${id}/pause`);
      expect(paused.body.status).toBe('paused');
      const before = z.requests.length;
      await pollOnce(t, id);
      expect(z.requests.length, 'a paused connection reads nothing').toBe(before);
    });
  });
}

describe('a server without SIDEKICK_SECRET_KEY', () => {
  let t: TestServer;
  const [dialect] = DIALECTS;
  beforeAll(async () => {
    if (!dialect) throw new Error('no dialect');
    t = await startTestServer(dialect);
  });
  afterAll(async () => t?.close());

  it('refuses to store a connection, saying how to fix it', async () => {
    const res = await t.api<{ message: string }>('POST', '/api/admin/connections', {
      body: {
        vendor: 'freshdesk',
        baseUrl: 'https://acme.freshdesk.com',
        credentials: { kind: 'api_key', apiKey: 'k' },
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/SIDEKICK_SECRET_KEY/);
  });
});
