import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_END } from '../../../shared/api/feed';
import { DIALECTS, TEST_NOW, startTestServer, type TestServer } from '../server/helpers/test-server';
import { standardTeam } from '../server/helpers/fixtures';
import { LiveClient } from '../server/helpers/live-client';
import { revokeToken } from '../../../server/src/store/repos/tokens-repo';
import { sleep } from './support/waits';

/** The sweep interval of this test (the service default is a minute). */
const SWEEP_MS = 300;

/**
 * A revoke whose notice never reached the registry (the publish failed, the notice was lost, or the revoke
 * committed while the socket was signing in) is still caught: the registry re-checks its sockets' tokens
 * against the store every `revokeSweepMs`, and signs out those that are gone. Here the token is revoked
 * straight in the store, with no notice at all.
 */
describe.each(DIALECTS)('the revoked-token sweep ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, { config: { heartbeatMs: 1_000, revokeSweepMs: SWEEP_MS } });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const newToken = async (personId: string) =>
    (await t.api<{ id: string; token: string }>('POST', `/api/admin/people/${personId}/tokens`, { body: {} }))
      .body;

  it('signs out a socket whose token was revoked with no notice; the other device stays on', async () => {
    const revoked = await newToken(team.ana.id);
    const kept = await newToken(team.ana.id);
    const doomed = await LiveClient.open(t.url, { token: revoked.token, after: 0 });
    const other = await LiveClient.open(t.url, { token: kept.token, after: 0 });
    await doomed.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    await other.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    let otherClosed = false;
    void other.closed.then(() => (otherClosed = true));

    expect(await revokeToken(t.server.ctx.store.db, revoked.id, TEST_NOW)).toBe(true);
    const closed = await Promise.race([doomed.closed, sleep(SWEEP_MS * 10).then(() => ({ code: -1 }))]);
    expect(closed.code).toBe(LIVE_END.signedOut.closeCode);
    expect(doomed.messages.at(-1)).toMatchObject({ kind: 'error', error: LIVE_END.signedOut.error });

    // A few more sweeps: the device whose token is still active is left alone.
    await sleep(SWEEP_MS * 3);
    expect(otherClosed).toBe(false);
    other.close();
  });
});
