import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIRING_ALPHABET, PairedDevice, PairingCodeCreated } from '../../../shared/api/pairing';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import type { Snapshot } from '../../../shared/api/snapshot';
import { DIALECTS, TEST_NOW, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, standardTeam } from './helpers/fixtures';

const codePath = (personId: string) => fillPath(apiRoutes.createPairingCode.path, { personId });
const exchangePath = apiRoutes.exchangePairingCode.path;
const MINUTE = 60_000;

describe.each(DIALECTS)('pairing codes ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  /** The server's injected clock: TEST_NOW plus what a test moves it by. */
  let offset = 0;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: () => new Date(Date.parse(TEST_NOW) + offset) });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const newCode = async (personId: string, token: string) => {
    const res = await t.api('POST', codePath(personId), { token });
    expect(res.status).toBe(201);
    return PairingCodeCreated.parse(res.body);
  };
  const exchange = (code: unknown) =>
    t.api<{ error: string; issues?: { path: string }[] }>('POST', exchangePath, {
      token: null,
      body: { code },
    });

  it('gives a supervisor a short grouped code for an agent of their team, valid for 10 minutes', async () => {
    const res = await t.api('POST', codePath(team.ana.id), { token: team.supervisor.token });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = PairingCodeCreated.parse(res.body);
    expect(created.code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{4}-[${PAIRING_ALPHABET}]{4}$`));
    expect(created.personName).toBe('Ana Agent');
    expect(Date.parse(created.expiresAt) - t.now().getTime()).toBe(10 * MINUTE);
  });

  it('stores only the code’s hash', async () => {
    const { code } = await newCode(team.ben.id, team.supervisor.token);
    const rows = await t.server.ctx.store.db.selectFrom('pairing_codes').selectAll().execute();
    const plain = code.replace('-', '');
    const row = rows.find(
      (r) => r.code_hash === createHash('sha256').update(`sidekick-pairing:${plain}`, 'utf8').digest('hex'),
    );
    expect(row).toBeDefined();
    expect(row!.person_id).toBe(team.ben.id);
    expect(row!.used_at).toBeNull();
    for (const r of rows) expect(JSON.stringify(r)).not.toContain(plain);
  });

  it('exchanges a code typed any way (lower case, no dash) for a working device token, once', async () => {
    const { code } = await newCode(team.ana.id, team.supervisor.token);
    const typed = code.replace('-', ' ').toLowerCase();
    const res = await exchange(typed);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const paired = PairedDevice.parse(res.body);
    expect(paired).toMatchObject({ personId: team.ana.id, personName: 'Ana Agent' });
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: paired.token });
    expect(state.status).toBe(200);
    expect(state.body.person.id).toBe(team.ana.id);

    const again = await exchange(code);
    expect(again.status).toBe(410);
    expect(again.body.error).toBe('pairing_code_used');
    const [token] = await t.server.ctx.store.db
      .selectFrom('pairing_codes')
      .innerJoin('tokens', 'tokens.id', 'pairing_codes.token_id')
      .select(['tokens.person_id', 'pairing_codes.used_at'])
      .where('tokens.token_hash', '=', createHash('sha256').update(paired.token).digest('hex'))
      .execute();
    expect(token).toEqual({ person_id: team.ana.id, used_at: t.now().toISOString() });
  });

  it('works until its tenth minute is up and is gone after, by the server’s clock', async () => {
    const early = await newCode(team.ana.id, team.supervisor.token);
    const late = await newCode(team.ana.id, team.supervisor.token);
    offset += 10 * MINUTE - 1_000;
    expect((await exchange(early.code)).status).toBe(200);
    offset += 2_000;
    const res = await exchange(late.code);
    expect(res.status).toBe(410);
    expect(res.body.error).toBe('pairing_code_expired');
  });

  it('answers 401 for a well-formed code it does not know and 400 for a malformed one', async () => {
    const unknown = await exchange('ABCD-EFGH');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('pairing_code_unknown');
    for (const bad of ['ABC', 'ABCD-EFG0', 'ABCD-EFGHJ', 42, null]) {
      const res = await exchange(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(['code']);
    }
    const noBody = await t.api('POST', exchangePath, { token: null, body: {} });
    expect(noBody.status).toBe(400);
  });

  it('lets admins pair anyone, and supervisors only the agents of their teams', async () => {
    const second = await createPerson(t.api, {
      name: 'Sue Second',
      role: 'supervisor',
      teamIds: [team.teamId],
    });
    expect((await t.api('POST', codePath(second.id), { token: team.supervisor.token })).status).toBe(403);
    expect((await t.api('POST', codePath(team.otherAgent.id), { token: team.supervisor.token })).status).toBe(
      403,
    );
    expect((await t.api('POST', codePath(team.ana.id), { token: team.otherSupervisor.token })).status).toBe(
      403,
    );
    expect((await t.api('POST', codePath(team.ben.id), { token: team.ana.token })).status).toBe(403);
    expect((await t.api('POST', codePath(team.ana.id), { token: null })).status).toBe(401);
    expect((await t.api('POST', codePath('no-such-person'), { token: team.supervisor.token })).status).toBe(
      404,
    );
    expect((await t.api('POST', codePath(second.id))).status).toBe(201);
  });
});

// The limiter does not depend on the store; the SQLite case is enough.
describe('pairing codes: failed tries are rate-limited per IP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(DIALECTS[0]!, { config: { authFailuresPerMinute: 3 } });
  });
  afterAll(async () => t?.close());

  it('answers 429 after repeated wrong codes, even for a right one', async () => {
    const team = await standardTeam(t.api);
    const created = await t.api<{ code: string }>('POST', codePath(team.ana.id), {
      token: team.supervisor.token,
    });
    const statuses: number[] = [];
    for (const code of ['ABCD-EFGH', 'ABCD-EFGJ', 'ABCD-EFGK', created.body.code])
      statuses.push((await t.api('POST', exchangePath, { token: null, body: { code } })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
