import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';

const ZENDESK_SECRET = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';
const FRESHDESK_SECRET = 'freshdesk-shared-secret-0123456789';

/**
 * Webhook edges: a correctly signed Zendesk body that is not valid UTF-8 is verified over its bytes (accepted,
 * not refused as unsigned); Freshdesk ratings written as non-finite numbers ("1e309" is Infinity) and times
 * that are no date ("0" would read as 2000-01-01) are refused with 400 naming the field, storing nothing.
 */
describe.each(DIALECTS)('webhook bytes and values ($name)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {
      config: { zendeskSecret: ZENDESK_SECRET, freshdeskSecret: FRESHDESK_SECRET },
    });
  });
  afterAll(async () => t?.close());

  const eventsCount = async (source: string) =>
    Number(
      (
        await t.server.ctx.store.db
          .selectFrom('events')
          .select(t.server.ctx.store.db.fn.countAll<number>().as('n'))
          .where('source', '=', source)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('verifies a Zendesk signature over the raw bytes, also when they are not UTF-8', async () => {
    const json = JSON.stringify({
      type: 'zen:event-type:ticket.created',
      account_id: 1,
      id: 'evt-latin1',
      time: new Date(t.now().getTime() - 3_600_000).toISOString(),
      zendesk_event_version: '2022-11-06',
      subject: 'zen:ticket:9001',
      detail: {
        id: '9001',
        status: 'OPEN',
        assignee_id: null,
        subject: 'Caf\u00e9',
        via: { channel: 'email' },
      },
      event: {},
    });
    // "Café" in Latin-1: 0xE9 alone is not UTF-8.
    const bytes = Buffer.from(json.replace('Caf\u00e9', 'Caf\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(false);
    const timestamp = new Date().toISOString();
    const signature = createHmac('sha256', ZENDESK_SECRET)
      .update(Buffer.concat([Buffer.from(timestamp), bytes]))
      .digest('base64');
    const send = (sig: string) =>
      fetch(`${t.url}/api/ingest/zendesk`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-zendesk-webhook-signature': sig,
          'x-zendesk-webhook-signature-timestamp': timestamp,
        },
        body: bytes,
      });
    const wrong = await send(signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    expect(wrong.status).toBe(401);
    const res = await send(signature);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { accepted: number }).accepted).toBe(1);
  });

  const freshdesk = (body: Record<string, unknown>) =>
    t.api<{ error: string; message: string; accepted?: number }>('POST', '/api/ingest/freshdesk', {
      token: null,
      headers: { 'x-sidekick-secret': FRESHDESK_SECRET },
      body: { freshdesk_webhook: { ticket_id: 7100, agent_email: 'ana@example.com', ...body } },
    });

  it('refuses a Freshdesk rating that is not a finite number (1e309) with 400, never counting it satisfied', async () => {
    const before = await eventsCount('freshdesk');
    for (const rating of ['1e309', '-1e309', 'Infinity', 1e308 * 10]) {
      const res = await freshdesk({ event: 'csat_rated', rating, at: '2026-03-10T10:00:00Z', comment: 'x' });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.message).toMatch(/rating/);
    }
    expect(await eventsCount('freshdesk')).toBe(before);
    const fine = await freshdesk({ event: 'csat_rated', rating: '103', at: '2026-03-10T10:00:00Z' });
    expect(fine.status).toBe(200);
    expect(fine.body.accepted).toBe(1);
  });

  it('refuses a Freshdesk time that is no date ("0", "1", year 9999) with 400 instead of storing 2000-01-01', async () => {
    const before = await eventsCount('freshdesk');
    for (const at of ['0', '1', '12', '9999-12-31T23:00:00Z', '1970-01-01T00:00:00Z']) {
      const res = await freshdesk({ event: 'ticket_solved', ticket_id: 7101, at });
      expect(res.status, `${at}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.message).toMatch(/"at"/);
    }
    expect(await eventsCount('freshdesk')).toBe(before);
    const rfc = await freshdesk({
      event: 'ticket_solved',
      ticket_id: 7101,
      at: 'Tue, 10 Mar 2026 09:30:00 +0000',
    });
    expect(rfc.status).toBe(200);
  });
});
