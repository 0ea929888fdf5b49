import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { standardTeam } from '../server/helpers/fixtures';
import { sleep } from './support/waits';

const ZENDESK_SECRET = 'dGhpc19pc19hX3plbmRlc2tfc2lnbmluZ19zZWNyZXQ=';
const FRESHDESK_SECRET = 'freshdesk-shared-secret-0123456789';

/** Zendesk's signature: base64(HMAC-SHA256(secret, timestamp + body)), the sender's wall clock. */
function signed(body: string) {
  const timestamp = new Date().toISOString();
  return {
    'x-zendesk-webhook-signature': createHmac('sha256', ZENDESK_SECRET)
      .update(timestamp + body)
      .digest('base64'),
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

/**
 * Issue 12 item 12: a webhook without a vendor event id or time was keyed by the time it arrived, so the same
 * delivery sent twice (a vendor retry, a replay) stored two ratings and two customer kudos. The same delivery
 * must count once however far apart the two arrive, and a different rating must still count.
 */
describe.each(DIALECTS)('replayed webhooks without a vendor time ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, {
      config: { zendeskSecret: ZENDESK_SECRET, freshdeskSecret: FRESHDESK_SECRET },
    });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const stored = async (ticketId: string) => {
    const db = t.server.ctx.store.db;
    const ratings = await db
      .selectFrom('events')
      .select('external_id')
      .where('type', '=', 'csat_rated')
      .where('ticket_id', '=', ticketId)
      .execute();
    const kudos = await db
      .selectFrom('kudos')
      .select('id')
      .where('kind', '=', 'customer')
      .where('to_person_id', '=', team.ana.id)
      .execute();
    return { ratings: ratings.length, customerKudos: kudos.length };
  };

  const zendesk = (body: string) =>
    t.api<{ accepted: number }>('POST', '/api/ingest/zendesk', {
      token: null,
      raw: body,
      headers: signed(body),
    });
  const freshdesk = (body: unknown) =>
    t.api<{ accepted: number }>('POST', '/api/ingest/freshdesk', {
      token: null,
      body,
      headers: { 'x-sidekick-secret': FRESHDESK_SECRET },
    });

  it('stores a Zendesk CSAT delivery sent twice once, and a different rating of another ticket as well', async () => {
    const before = await stored('6001');
    const csat = JSON.stringify({
      type: 'sidekick:csat',
      ticket_id: '6001',
      assignee_id: '101',
      score: 'Good, I am satisfied',
      comment: 'Ana sorted it in minutes',
    });
    const first = await zendesk(csat);
    expect(first.status).toBe(200);
    // The receive time moves on between the two deliveries, as it does for a vendor retry.
    await sleep(20);
    const again = await zendesk(csat);
    expect(again.status).toBe(200);
    const after = await stored('6001');
    expect(after.ratings).toBe(1);
    expect(after.customerKudos - before.customerKudos).toBe(1);
    const other = JSON.stringify({
      type: 'sidekick:csat',
      ticket_id: '6002',
      assignee_id: '101',
      score: 'Good',
      comment: 'Thank you Ana',
    });
    expect((await zendesk(other)).status).toBe(200);
    expect((await stored('6002')).ratings).toBe(1);
  });

  it('stores a Freshdesk CSAT delivery sent twice once', async () => {
    const before = await stored('7101');
    const hook = {
      freshdesk_webhook: {
        event: 'csat_rated',
        ticket_id: 7101,
        agent_email: 'ana@example.com',
        rating: 103,
        comment: 'Brilliant help from Ana',
        customer_name: 'Joanna',
      },
    };
    expect((await freshdesk(hook)).status).toBe(200);
    await sleep(20);
    expect((await freshdesk(hook)).status).toBe(200);
    const after = await stored('7101');
    expect(after.ratings).toBe(1);
    expect(after.customerKudos - before.customerKudos).toBe(1);
  });
});
