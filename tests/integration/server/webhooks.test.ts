import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { standardTeam } from './helpers/fixtures';

const ZENDESK_SECRET = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';
const FRESHDESK_SECRET = 'freshdesk-shared-secret-0123456789';

/**
 * Signs like Zendesk does: base64(HMAC-SHA256(secret, timestamp + body)). The timestamp is the sender's wall
 * clock (a replay window is real elapsed time), not the test server's injected clock.
 */
function signed(body: string, timestamp = new Date().toISOString(), secret = ZENDESK_SECRET) {
  const signature = createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
  return {
    'x-zendesk-webhook-signature': signature,
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

const zendeskEvent = (
  type: string,
  id: string,
  ticketId: string,
  time: string,
  detail: Record<string, unknown>,
  event: Record<string, unknown>,
) => ({
  type: `zen:event-type:ticket.${type}`,
  account_id: 12514403,
  id,
  time,
  zendesk_event_version: '2022-11-06',
  subject: `zen:ticket:${ticketId}`,
  detail: { id: ticketId, status: 'OPEN', ...detail },
  event,
});

describe.each(DIALECTS)('helpdesk webhooks ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, {
      config: { zendeskSecret: ZENDESK_SECRET, freshdeskSecret: FRESHDESK_SECRET },
    });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const at = (min: number) => new Date(t.now().getTime() - 2 * 3_600_000 + min * 60_000).toISOString();

  it('accepts Zendesk ticket events with a valid signature and maps them to helpdesk events', async () => {
    const events = [
      zendeskEvent('created', 'evt-1', '5001', at(0), { assignee_id: null, via: { channel: 'email' } }, {}),
      zendeskEvent(
        'agent_assignment_changed',
        'evt-2',
        '5001',
        at(1),
        { assignee_id: '101' },
        { current: '101', previous: null },
      ),
      zendeskEvent(
        'comment_added',
        'evt-3',
        '5001',
        at(12),
        { assignee_id: '101' },
        {
          comment: {
            id: '9',
            body: 'Hi!',
            is_public: true,
            author: { id: '101', is_staff: true, name: 'Ana' },
          },
        },
      ),
      zendeskEvent(
        'comment_added',
        'evt-4',
        '5001',
        at(20),
        { assignee_id: '101' },
        {
          comment: {
            id: '10',
            body: 'Thanks',
            is_public: true,
            author: { id: '777', is_staff: false, name: 'Customer' },
          },
        },
      ),
      zendeskEvent(
        'status_changed',
        'evt-5',
        '5001',
        at(30),
        { assignee_id: '101', status: 'SOLVED' },
        { current: 'SOLVED', previous: 'OPEN' },
      ),
    ];
    for (const e of events) {
      const body = JSON.stringify(e);
      const res = await t.api<{ accepted: number; ignored: string[] }>('POST', '/api/ingest/zendesk', {
        token: null,
        raw: body,
        headers: signed(body),
      });
      expect(res.status).toBe(200);
    }
    const csat = JSON.stringify({
      type: 'sidekick:csat',
      ticket_id: '5001',
      assignee_id: '101',
      score: 'Good',
      comment: 'Super quick, thanks Ana',
      rating_id: '88',
      at: at(60),
    });
    expect(
      (
        await t.api('POST', '/api/ingest/zendesk', {
          token: null,
          raw: csat,
          headers: signed(csat),
        })
      ).status,
    ).toBe(200);
    const rows = await t.server.ctx.store.db
      .selectFrom('events')
      .select(['type', 'agent_id'])
      .where('source', '=', 'zendesk')
      .orderBy('at')
      .execute();
    expect(rows.map((r) => r.type)).toEqual([
      'ticket_created',
      'ticket_assigned',
      'agent_replied',
      'ticket_solved',
      'csat_rated',
    ]);
    expect(rows.filter((r) => r.agent_id !== null).every((r) => r.agent_id === team.ana.id)).toBe(true);
    const m = await t.api<AgentMetrics>(
      'GET',
      `/api/people/${team.ana.id}/metrics?from=${at(-60)}&to=${at(120)}`,
      { token: team.ana.token },
    );
    expect(m.body.solved.value).toBe(1);
    expect(m.body.frtAvgMinutes.sample).toBe(1);
  });

  it('is idempotent: Zendesk retrying a delivery changes nothing', async () => {
    const body = JSON.stringify(
      zendeskEvent(
        'status_changed',
        'evt-5',
        '5001',
        at(30),
        { assignee_id: '101', status: 'SOLVED' },
        { current: 'SOLVED', previous: 'OPEN' },
      ),
    );
    const res = await t.api<{ accepted: number; duplicates: number }>('POST', '/api/ingest/zendesk', {
      token: null,
      raw: body,
      headers: signed(body),
    });
    expect(res.body).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('refuses a wrong, missing or stale Zendesk signature with 401 and stores nothing', async () => {
    const body = JSON.stringify(
      zendeskEvent(
        'status_changed',
        'evt-bad',
        '5002',
        at(40),
        { assignee_id: '101', status: 'SOLVED' },
        { current: 'SOLVED', previous: 'OPEN' },
      ),
    );
    const tampered = signed(body);
    expect(
      (
        await t.api('POST', '/api/ingest/zendesk', {
          token: null,
          raw: body.replace('5002', '5003'),
          headers: tampered,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.api('POST', '/api/ingest/zendesk', {
          token: null,
          raw: body,
          headers: signed(body, undefined, 'another-secret'),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await t.api('POST', '/api/ingest/zendesk', {
          token: null,
          raw: body,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    expect(
      (await t.api('POST', '/api/ingest/zendesk', { token: null, raw: body, headers: signed(body, old) }))
        .status,
    ).toBe(401);
    const stored = await t.server.ctx.store.db
      .selectFrom('events')
      .select('external_id')
      .where('external_id', '=', 'evt-bad')
      .execute();
    expect(stored).toEqual([]);
  });

  it('accepts Freshdesk automation webhooks with the shared secret, and refuses a wrong one', async () => {
    const hook = (event: string, extra: Record<string, unknown>) => ({
      freshdesk_webhook: { event, ticket_id: 7001, agent_email: 'ana@example.com', ...extra },
    });
    const payloads = [
      hook('ticket_created', { at: at(0), agent_email: undefined }),
      hook('agent_replied', { at: at(15), is_public: 'true' }),
      hook('ticket_solved', { at: at(45) }),
      hook('csat_rated', { at: at(90), rating: 103, comment: 'Ana is the best' }),
    ];
    for (const p of payloads) {
      const res = await t.api<{ accepted: number }>('POST', '/api/ingest/freshdesk', {
        token: null,
        body: p,
        headers: { 'x-sidekick-secret': FRESHDESK_SECRET },
      });
      expect(res.status).toBe(200);
      expect(res.body.accepted).toBe(1);
    }
    const wrong = await t.api('POST', '/api/ingest/freshdesk', {
      token: null,
      body: hook('ticket_solved', { at: at(50) }),
      headers: { 'x-sidekick-secret': 'nope' },
    });
    expect(wrong.status).toBe(401);
    const bad = await t.api<{ error: string }>('POST', '/api/ingest/freshdesk', {
      token: null,
      body: { freshdesk_webhook: { event: 'exploded', ticket_id: 1 } },
      headers: { 'x-sidekick-secret': FRESHDESK_SECRET },
    });
    expect(bad.status).toBe(400);
    const rows = await t.server.ctx.store.db
      .selectFrom('events')
      .select(['type', 'agent_id', 'body'])
      .where('source', '=', 'freshdesk')
      .orderBy('at')
      .execute();
    expect(rows.map((r) => r.type)).toEqual([
      'ticket_created',
      'agent_replied',
      'ticket_solved',
      'csat_rated',
    ]);
    expect(JSON.parse(rows[3]!.body)).toMatchObject({
      satisfied: true,
      originalScore: 103,
      agentId: team.ana.id,
    });
  });
});
