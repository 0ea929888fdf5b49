import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { ticketStory } from './helpers/fixtures';

// Rate limiting does not depend on the store; the SQLite case is enough.
describe('rate limits on auth and ingest', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(DIALECTS[0]!, { config: { ingestRatePerMinute: 3, authFailuresPerMinute: 4 } });
  });
  afterAll(async () => t?.close());

  it('answers 429 once a client sends too many ingest requests in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.api('POST', '/api/ingest/events', {
        body: { events: ticketStory('zendesk:1', `RL-${i}`, '2026-11-02T09:00:00Z').slice(0, 1) },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('answers 429 after repeated failed authentications, but lets a valid token through', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await t.api('GET', '/api/me/state', { token: `sk_guess_${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const wrong = await t.api<{ error: string }>('GET', '/api/me/state', { token: 'sk_guess_again' });
    expect(wrong.status).toBe(429);
    expect(wrong.body.error).toBe('too_many_attempts');
    // Issue 12 item 8: the failures of others at the same address never refuse a valid token.
    expect((await t.api('GET', '/api/admin/people')).status).toBe(200);
  });
});
