import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';

/**
 * Issue 12 item 10: the daily peer-kudos cap is counted and inserted in one transaction, and on PostgreSQL two
 * transactions under read committed both counted 4 and both inserted. Twenty sends in parallel must let exactly
 * the cap through and refuse the rest with a 422 naming the rule, never a 5xx.
 */
describe.each(DIALECTS)('peer-kudos cap under parallel sends ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('lets exactly the daily cap through out of 20 parallel sends', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api<{ error?: string }>('POST', apiRoutes.sendKudos.path, {
          token: team.ana.token,
          body: { toPersonId: team.ben.id, value: 'Teamwork', message: `thanks #${i}` },
          headers: { 'idempotency-key': key() },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    const snapshot = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ana.token })).body;
    const cap = snapshot.kudos.dailyCap;
    expect(statuses.filter((s) => s === 200)).toHaveLength(cap);
    expect(statuses.filter((s) => s === 422)).toHaveLength(20 - cap);
    for (const r of replies.filter((x) => x.status === 422)) expect(r.body.error).toBe('daily_cap_reached');
    expect(snapshot.kudos.sentToday).toBe(cap);
    const ben = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token })).body;
    expect(ben.kudos.inbox.filter((k) => k.kind === 'peer' && k.fromPersonId === team.ana.id)).toHaveLength(
      cap,
    );
  });
});
