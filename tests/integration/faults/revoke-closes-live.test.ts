import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_END } from '../../../shared/api/feed';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';
import { LiveClient } from '../server/helpers/live-client';
import { syncClient, waitFor } from '../sync/support';
import { sleep } from './support/waits';

/** How long a socket may stay open after the change that ends it: the promise is "within a second". */
const CLOSE_DEADLINE_MS = 3_000;

/**
 * Issue 12 item 5: revoking a token did not close its live socket (it kept receiving the person's feed, new
 * kudos included), nor did moving the person to another team. A revoke ends the token's sockets with the
 * signed-out close code (the sync client shows "signed out"), a role or team change ends the person's sockets
 * with the resync code (the sync client loads a fresh snapshot and goes on); the person's other devices stay on.
 */
describe.each(DIALECTS)('live sessions end on revoke and on a role or team change ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, { config: { heartbeatMs: 1_000 } });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const newToken = async (personId: string) =>
    (await t.api<{ id: string; token: string }>('POST', `/api/admin/people/${personId}/tokens`, { body: {} }))
      .body;
  const kudosTo = (toPersonId: string, message: string) =>
    t.api('POST', apiRoutes.sendKudos.path, {
      token: team.supervisor.token,
      body: { toPersonId, value: 'Teamwork', message },
      headers: { 'idempotency-key': key() },
    });
  const kudosEntries = (c: LiveClient) => c.entries().filter((e) => e.type === 'kudos.upserted').length;

  it('closes the revoked token’s socket within the deadline, with the signed-out code, and sends nothing after', async () => {
    const revoked = await newToken(team.ana.id);
    const kept = await newToken(team.ana.id);
    const doomed = await LiveClient.open(t.url, { token: revoked.token, after: 0 });
    const other = await LiveClient.open(t.url, { token: kept.token, after: 0 });
    await doomed.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    await other.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    const sync = syncClient(t.url, revoked.token);
    await sync.client.start();
    await waitFor(() => sync.client.getState().connection === 'online', 10_000, 'the sync client online');

    expect((await t.api('DELETE', `/api/admin/tokens/${revoked.id}`)).status).toBe(204);
    const closed = await Promise.race([doomed.closed, sleep(CLOSE_DEADLINE_MS).then(() => ({ code: -1 }))]);
    expect(closed.code).toBe(LIVE_END.signedOut.closeCode);
    expect(doomed.messages.at(-1)).toMatchObject({ kind: 'error', error: LIVE_END.signedOut.error });
    await waitFor(
      () => sync.client.getState().connection === 'signed_out',
      CLOSE_DEADLINE_MS,
      'the sync client signed out',
    );

    const seenBefore = doomed.messages.length;
    const inboxBefore = sync.client.getState().snapshot?.kudos.inbox.length;
    expect((await kudosTo(team.ana.id, 'After the revoke')).status).toBe(200);
    // The other device, whose token is still valid, gets the kudos; the revoked one gets nothing more.
    await other.waitFor((c) => kudosEntries(c) >= 1, 5_000);
    expect(doomed.messages.length).toBe(seenBefore);
    expect(sync.client.getState().snapshot?.kudos.inbox.length).toBe(inboxBefore);
    expect(sync.client.getState().connection).toBe('signed_out');
    sync.client.stop();
    other.close();
  });

  it('ends the person’s sockets on a team change; the sync client reloads its snapshot and stays signed in', async () => {
    const device = await newToken(team.ben.id);
    const socket = await LiveClient.open(t.url, { token: device.token, after: 0 });
    await socket.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    const sync = syncClient(t.url, team.ben.token);
    await sync.client.start();
    await waitFor(() => sync.client.getState().connection === 'online', 10_000, 'the sync client online');
    expect(sync.client.getState().snapshot?.person.teamIds).toEqual([team.teamId]);

    const moved = await t.api('PATCH', `/api/admin/people/${team.ben.id}`, {
      body: { teamIds: [team.otherTeamId] },
    });
    expect(moved.status).toBe(200);
    const closed = await Promise.race([socket.closed, sleep(CLOSE_DEADLINE_MS).then(() => ({ code: -1 }))]);
    expect(closed.code).toBe(LIVE_END.resync.closeCode);
    await waitFor(
      () =>
        sync.client.getState().connection === 'online' &&
        sync.client.getState().snapshot?.person.teamIds[0] === team.otherTeamId,
      10_000,
      'the sync client back online with the new team',
    );
    sync.client.stop();
  });

  it('ends the person’s sockets on a role change', async () => {
    const socket = await LiveClient.open(t.url, { token: team.otherAgent.token, after: 0 });
    await socket.waitFor((c) => c.messages.some((m) => m.kind === 'hello'), 5_000);
    expect(
      (await t.api('PATCH', `/api/admin/people/${team.otherAgent.id}`, { body: { role: 'supervisor' } }))
        .status,
    ).toBe(200);
    const closed = await Promise.race([socket.closed, sleep(CLOSE_DEADLINE_MS).then(() => ({ code: -1 }))]);
    expect(closed.code).toBe(LIVE_END.resync.closeCode);
  });
});
