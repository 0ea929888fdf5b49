import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { ActionAck } from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';

const spec = {
  title: 'Solve 40 tickets',
  metric: 'solved',
  comparator: 'atLeast',
  target: 40,
  window: { start: '2026-03-09T00:00:00Z', end: '2026-03-14T00:00:00Z' },
};

/**
 * Issue 12 item 13: an Idempotency-Key reused with a different body was answered "duplicate" (the client was
 * told a change it never made was made), and a replayed mission assignment answered `missionIds: []`. The same
 * key with another body is a 409 naming the key and changes nothing; a replay answers with what the first
 * request created.
 */
describe.each(DIALECTS)('Idempotency-Key reuse ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const post = <T>(path: string, token: string, k: string, body: unknown) =>
    t.api<T>('POST', path, { token, body, headers: { 'idempotency-key': k } });
  const inboxOf = async (token: string) =>
    (await t.api<Snapshot>('GET', '/api/me/state', { token })).body.kudos.inbox;

  it('refuses the same key with a different body with 409 naming the key, and changes nothing', async () => {
    const k = key();
    const body = { toPersonId: team.ben.id, value: 'Teamwork', message: 'Thanks for covering my queue' };
    const first = await post<ActionAck>(apiRoutes.sendKudos.path, team.ana.token, k, body);
    expect(first.status).toBe(200);
    const before = await inboxOf(team.ben.token);
    const other = await post<{ error: string; message: string }>(
      apiRoutes.sendKudos.path,
      team.ana.token,
      k,
      {
        ...body,
        message: 'A different kudos under the same key',
      },
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('idempotency_key_reused');
    expect(other.body.message).toContain(k);
    expect(await inboxOf(team.ben.token)).toEqual(before);
    // The same body again is still the replay it always was.
    const replay = await post<ActionAck>(apiRoutes.sendKudos.path, team.ana.token, k, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ ok: true, id: first.body.id, duplicate: true });
  });

  it('refuses a different body under the key of an anonymous idea too', async () => {
    const k = key();
    const idea = { title: 'Shared macros for refunds', anonymous: true };
    expect((await post(apiRoutes.submitIdea.path, team.ana.token, k, idea)).status).toBe(200);
    const replay = await post<ActionAck>(apiRoutes.submitIdea.path, team.ana.token, k, idea);
    expect(replay.body.duplicate).toBe(true);
    const other = await post<{ message: string }>(apiRoutes.submitIdea.path, team.ana.token, k, {
      ...idea,
      title: 'Another idea',
    });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain(k);
  });

  it('answers a replayed mission assignment with the missions it created', async () => {
    const k = key();
    const body = { agentIds: [team.ana.id, team.ben.id], teamId: null, spec };
    const first = await post<{ missionIds: string[] }>(
      apiRoutes.assignMission.path,
      team.supervisor.token,
      k,
      body,
    );
    expect(first.status).toBe(201);
    expect(first.body.missionIds).toHaveLength(2);
    const replay = await post<{ missionIds: string[] }>(
      apiRoutes.assignMission.path,
      team.supervisor.token,
      k,
      body,
    );
    expect(replay.status).toBe(201);
    expect(replay.body.missionIds).toEqual(first.body.missionIds);
    const stored = await t.server.ctx.store.db.selectFrom('missions').select('id').execute();
    expect(stored.map((m) => m.id).sort()).toEqual([...first.body.missionIds].sort());
    const changed = await post<{ error: string }>(apiRoutes.assignMission.path, team.supervisor.token, k, {
      ...body,
      agentIds: [team.ana.id],
    });
    expect(changed.status).toBe(409);
  });
});
