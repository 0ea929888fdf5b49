import { afterEach, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../shared/api/routes';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { ConfigError, MIN_SECRET_LENGTH, readEnvironment } from '../../../server/src/core/config';
import { MemoryRateCounter, RateLimits } from '../../../server/src/core/rate-limits';
import { sameSecret } from '../../../server/src/ingest/zendesk-signature';
import {
  ADMIN_TOKEN,
  DIALECTS,
  TEST_NOW,
  apiFor,
  startTestServer,
  type TestServer,
} from '../server/helpers/test-server';
import { key, standardTeam, ticketStory } from '../server/helpers/fixtures';

const FRESHDESK_SECRET = 'freshdesk-limits-secret-0123456789abcdef';
const oneEvent = (id: string) => ({
  events: ticketStory('zendesk:101', id, '2026-03-11T09:00:00Z').slice(0, 1),
});

/**
 * Issue 12, items 8 and 9: limits that count the right thing. Each test starts its own server, whose clock (and
 * so its one-minute limit windows) starts at TEST_NOW: no test runs into a window boundary.
 */
describe.each(DIALECTS)('limits ($name)', (dialect) => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });
  const start = async (config: Parameters<typeof startTestServer>[1] = {}) =>
    (t = await startTestServer(dialect, config));

  it('locks an address out after failed sign-ins with 429 and Retry-After, but never refuses a valid token', async () => {
    const s = await start({ config: { authFailuresPerMinute: 4 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await s.api('GET', '/api/me/state', { token: `sk_guess_${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await s.api<{ error: string; message: string }>('GET', '/api/me/state', {
      token: 'sk_guess_x',
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.message).toMatch(/retry in \d+ s/);
    // The same address with a valid token is let through.
    expect((await s.api('GET', '/api/admin/people')).status).toBe(200);
  });

  it('counts the ingest limit after authentication: anonymous floods do not lock out the real ingest token', async () => {
    const s = await start({ config: { ingestRatePerMinute: 3, authFailuresPerMinute: 1_000 } });
    for (let i = 0; i < 10; i++)
      expect(
        (await s.api('POST', '/api/ingest/events', { token: null, body: oneEvent(`A-${i}`) })).status,
      ).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await s.api('POST', '/api/ingest/events', { body: oneEvent(`R-${i}`) })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits wrong Freshdesk secrets per address', async () => {
    const s = await start({ config: { authFailuresPerMinute: 3, freshdeskSecret: FRESHDESK_SECRET } });
    const post = (secret: string) =>
      s.api('POST', apiRoutes.freshdeskWebhook.path, {
        token: null,
        headers: { 'x-sidekick-secret': secret },
        body: { freshdesk_webhook: {} },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(`wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits a person’s own actions with a 429 that says when to retry; others can still act', async () => {
    const s = await start({ config: { actionsPerMinute: 3 } });
    const team = await standardTeam(s.api);
    const idea = (token: string, i: number) =>
      s.api<{ message: string }>('POST', apiRoutes.submitIdea.path, {
        token,
        body: { title: `Idea ${i}`, body: 'x'.repeat(4000), anonymous: true },
        headers: { 'idempotency-key': key() },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await idea(team.ana.token, i)).status);
    expect(statuses.every((st) => st >= 200 && st < 300)).toBe(true);
    const refused = await idea(team.ana.token, 4);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/Too many actions this minute; retry in \d+ s/);
    expect((await idea(team.ben.token, 0)).status).toBeLessThan(300);
  });
});

describe('limits behind a trusted proxy', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('keys by X-Forwarded-For only when the proxy is trusted', async () => {
    t = await startTestServer(DIALECTS[0]!, {
      config: { authFailuresPerMinute: 2, trustProxy: ['127.0.0.1'] },
    });
    const guess = (ip: string) =>
      t!.api('GET', '/api/me/state', { token: 'sk_wrong', headers: { 'x-forwarded-for': ip } });
    expect([
      (await guess('10.0.0.1')).status,
      (await guess('10.0.0.1')).status,
      (await guess('10.0.0.1')).status,
    ]).toEqual([401, 401, 429]);
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect((await guess('10.0.0.2')).status).toBe(401);
  });

  it('ignores X-Forwarded-For from an untrusted peer (it cannot pick a fresh address per guess)', async () => {
    t = await startTestServer(DIALECTS[0]!, { config: { authFailuresPerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await t.api('GET', '/api/me/state', {
            token: 'sk_wrong',
            headers: { 'x-forwarded-for': `10.0.0.${i}` },
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 429]);
  });
});

// PostgreSQL joins when TEST_DATABASE_URL is set, as in the rest of the integration suite.
for (const postgres of DIALECTS.filter((d) => d.name === 'postgres'))
  describe('limits shared by two instances on one PostgreSQL schema', () => {
    it('count every instance’s requests against one limit', async () => {
      const store = await postgres.create();
      const servers: RunningServer[] = [];
      try {
        const start = () =>
          startServer({
            ...store.options,
            adminToken: ADMIN_TOKEN,
            port: 0,
            scheduler: false,
            now: TEST_NOW,
            config: { ingestRatePerMinute: 4, authFailuresPerMinute: 3 },
          });
        servers.push(await start(), await start());
        const [a, b] = servers.map((s) => apiFor(s.url)) as [
          ReturnType<typeof apiFor>,
          ReturnType<typeof apiFor>,
        ];
        const failures = [a, b, a, b];
        const authStatuses: number[] = [];
        for (const api of failures)
          authStatuses.push((await api('GET', '/api/me/state', { token: 'sk_wrong' })).status);
        expect(authStatuses).toEqual([401, 401, 401, 429]);
        const ingest: number[] = [];
        for (const [i, api] of [a, b, a, b, a].entries())
          ingest.push((await api('POST', '/api/ingest/events', { body: oneEvent(`S-${i}`) })).status);
        expect(ingest).toEqual([200, 200, 200, 200, 429]);
      } finally {
        for (const s of servers) await s.close();
        await store.cleanup();
      }
    });
  });

describe('limit building blocks', () => {
  it('evicts the least recently used addresses, so a flood of new ones never frees a locked one', async () => {
    let now = Date.parse(TEST_NOW);
    const counter = new MemoryRateCounter(10_000);
    const limits = new RateLimits(counter, () => now);
    for (let i = 0; i < 3; i++) await limits.hit('auth-failure', 'locked', 3);
    expect((await limits.hit('auth-failure', 'locked', 3)).limited).toBe(true);
    for (let i = 0; i < 10_001; i++) {
      await limits.hit('auth-failure', `flood-${i}`, 3);
      if (i % 1_000 === 0) expect((await limits.hit('auth-failure', 'locked', 3)).limited).toBe(true);
    }
    expect(counter.size()).toBeLessThanOrEqual(10_000);
    expect((await limits.hit('auth-failure', 'locked', 3)).limited).toBe(true);
    now += 60_000;
    expect((await limits.hit('auth-failure', 'locked', 3)).limited).toBe(false);
  });

  it('compares a shared secret by digest: right or wrong, whatever the length', () => {
    expect(sameSecret(FRESHDESK_SECRET, FRESHDESK_SECRET)).toBe(true);
    for (const wrong of ['', 'f', FRESHDESK_SECRET.slice(0, -1), `${FRESHDESK_SECRET}x`, 'y'.repeat(10_000)])
      expect(sameSecret(FRESHDESK_SECRET, wrong)).toBe(false);
  });

  it('refuses short admin, metrics and webhook secrets at start, without repeating them', () => {
    for (const name of [
      'SIDEKICK_ADMIN_TOKEN',
      'SIDEKICK_METRICS_TOKEN',
      'SIDEKICK_ZENDESK_SECRET',
      'SIDEKICK_FRESHDESK_SECRET',
    ]) {
      const short = 'hunter2-short';
      expect(() => readEnvironment({ [name]: short })).toThrow(ConfigError);
      expect(() => readEnvironment({ [name]: short })).toThrow(
        `${name} must be at least ${MIN_SECRET_LENGTH} characters`,
      );
      try {
        readEnvironment({ [name]: short });
      } catch (error) {
        expect(String(error)).not.toContain(short);
      }
      expect(
        readEnvironment({ [name]: 'x'.repeat(MIN_SECRET_LENGTH) })[name as 'SIDEKICK_ADMIN_TOKEN'],
      ).toHaveLength(MIN_SECRET_LENGTH);
    }
  });
});
