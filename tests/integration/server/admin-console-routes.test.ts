import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MergePreview, TeamRecord, TokenList } from '../../../shared/api/admin';
import { PairingCodeCreated } from '../../../shared/api/pairing';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, standardTeam, ticketStory } from './helpers/fixtures';
import { eventually } from '../faults/support/waits';

/**
 * The routes the admin console needs beyond the scripts' ones: changing a team, a person's tokens and pending
 * pairing codes (never a secret or a hash), withdrawing a code, and what a merge would move before it is made.
 */
describe.each(DIALECTS)('admin console routes ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  const HOUR = 3_600_000;
  let offset = 0;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: () => new Date(Date.parse('2026-03-11T12:00:00Z') + offset) });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('changes a team’s name, zone, schedule and daily goal, and refuses an unknown zone or team', async () => {
    const schedule = { '1': { start: '07:00', end: '15:00' } };
    const res = await t.api('PATCH', `/api/admin/teams/${team.teamId}`, {
      body: { name: 'Care Crew East', timezone: 'Asia/Tokyo', schedule, dailyGoal: { minSolved: 3 } },
    });
    expect(res.status).toBe(200);
    const updated = TeamRecord.parse(res.body);
    expect(updated).toMatchObject({ name: 'Care Crew East', timezone: 'Asia/Tokyo', schedule });
    expect(updated.dailyGoal).toMatchObject({ minSolved: 3 });

    // A partial goal changes only the fields it names: the others keep their stored (non-default) values.
    const full = { minSatisfied: 4, minSolved: 2, noGuardrailBroken: false };
    const set = await t.api('PATCH', `/api/admin/teams/${team.teamId}`, { body: { dailyGoal: full } });
    expect(TeamRecord.parse(set.body).dailyGoal).toEqual(full);
    const partial = await t.api('PATCH', `/api/admin/teams/${team.teamId}`, {
      body: { dailyGoal: { minSolved: 5 } },
    });
    expect(partial.status).toBe(200);
    expect(TeamRecord.parse(partial.body).dailyGoal).toEqual({ ...full, minSolved: 5 });
    const stored = await t.api<{ teams: TeamRecord[] }>('GET', '/api/admin/teams');
    expect(stored.body.teams.find((x) => x.id === team.teamId)?.dailyGoal).toEqual({ ...full, minSolved: 5 });
    const listed = await t.api<{ teams: TeamRecord[] }>('GET', '/api/admin/teams');
    expect(listed.body.teams.find((x) => x.id === team.teamId)?.name).toBe('Care Crew East');
    // Every member's companion hears of it: the team's new name and zone in their feed.
    const feed = await t.api<{ entries: { type: string; payload: { name?: string; timezone?: string } }[] }>(
      'GET',
      '/api/me/feed?after=0&limit=500',
      { token: team.ana.token },
    );
    expect(feed.body.entries.filter((e) => e.type === 'team.updated').at(-1)?.payload).toMatchObject({
      name: 'Care Crew East',
      timezone: 'Asia/Tokyo',
    });

    const badZone = await t.api<{ error: string; message: string }>(
      'PATCH',
      `/api/admin/teams/${team.teamId}`,
      {
        body: { timezone: 'Mars/Olympus' },
      },
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.message).toMatch(/not an IANA time zone/);
    expect((await t.api('PATCH', '/api/admin/teams/nope', { body: { name: 'X' } })).status).toBe(404);
    expect((await t.api('PATCH', `/api/admin/teams/${team.teamId}`, { body: {} })).status).toBe(400);
  });

  it('lists a person’s tokens with when each was last used, never the secret or its hash, and shows a revoke', async () => {
    const lee = await createPerson(t.api, { name: 'Lee Listed', teamIds: [team.teamId] });
    const spare = await t.api<{ id: string; token: string }>('POST', `/api/admin/people/${lee.id}/tokens`, {
      body: { label: 'laptop' },
    });
    expect(spare.status).toBe(201);
    const first = TokenList.parse((await t.api('GET', `/api/admin/people/${lee.id}/tokens`)).body);
    expect(first.tokens).toHaveLength(2);
    expect(first.tokens.every((x) => x.lastUsedAt === null && x.revokedAt === null)).toBe(true);

    // Signing in with the first token records its use; a second request within the hour writes nothing new.
    expect((await t.api('GET', '/api/me/state', { token: lee.token })).status).toBe(200);
    const usedAt = t.now().toISOString();
    // The use is recorded off the request path (best effort): wait until it is.
    const lastUseOf = async (id: string | undefined) =>
      TokenList.parse((await t.api('GET', `/api/admin/people/${lee.id}/tokens`)).body).tokens.find(
        (x) => x.id === id,
      )?.lastUsedAt ?? null;
    const leeTokenId = TokenList.parse(
      (await t.api('GET', `/api/admin/people/${lee.id}/tokens`)).body,
    ).tokens.find((x) => x.id !== spare.body.id)?.id;
    await eventually(async () => (await lastUseOf(leeTokenId)) !== null, 5_000, 'the use recorded');
    offset += 10 * 60_000;
    expect((await t.api('GET', '/api/me/state', { token: lee.token })).status).toBe(200);
    const listed = await t.api('GET', `/api/admin/people/${lee.id}/tokens`);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(lee.token);
    expect(text).not.toContain(spare.body.token);
    expect(text).not.toMatch(/hash/i);
    const tokens = TokenList.parse(listed.body).tokens;
    const used = tokens.find((x) => x.id !== spare.body.id);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(Math.abs(Date.parse(used?.lastUsedAt ?? '') - Date.parse(usedAt))).toBeLessThan(5_000);
    expect(tokens.find((x) => x.id === spare.body.id)).toMatchObject({ label: 'laptop', lastUsedAt: null });

    // Over an hour later the use is recorded again.
    offset += HOUR;
    await t.api('GET', '/api/me/state', { token: lee.token });
    await eventually(
      async () => Date.parse((await lastUseOf(used?.id)) ?? '') > Date.parse(used?.lastUsedAt ?? ''),
      5_000,
      'the later use recorded',
    );

    expect((await t.api('DELETE', `/api/admin/tokens/${spare.body.id}`)).status).toBe(204);
    const after = TokenList.parse((await t.api('GET', `/api/admin/people/${lee.id}/tokens`)).body);
    expect(after.tokens.find((x) => x.id === spare.body.id)?.revokedAt).not.toBeNull();
    expect((await t.api('GET', '/api/admin/people/nobody/tokens')).status).toBe(404);
  });

  it('shows pairing codes waiting to be used, and withdraws one so it can no longer be exchanged', async () => {
    const made = await t.api('POST', `/api/supervisor/people/${team.ben.id}/pairing-codes`);
    expect(made.status).toBe(201);
    const code = PairingCodeCreated.parse(made.body);
    const listed = TokenList.parse((await t.api('GET', `/api/admin/people/${team.ben.id}/tokens`)).body);
    expect(listed.pairingCodes).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(code.code.replace('-', ''));
    const [pending] = listed.pairingCodes;
    expect(pending?.expiresAt).toBe(code.expiresAt);

    expect((await t.api('DELETE', `/api/admin/pairing-codes/${pending?.id}`)).status).toBe(204);
    const exchanged = await t.api('POST', '/api/pairing/exchange', {
      token: null,
      body: { code: code.code },
    });
    expect(exchanged.status).toBe(410);
    expect(
      TokenList.parse((await t.api('GET', `/api/admin/people/${team.ben.id}/tokens`)).body).pairingCodes,
    ).toEqual([]);
    expect((await t.api('DELETE', `/api/admin/pairing-codes/${pending?.id}`)).status).toBe(404);
  });

  it('says what a merge would move (handles, events, kudos) before it is made, and when it would be refused', async () => {
    const ingest = await t.api('POST', '/api/ingest/events', {
      body: { events: ticketStory('zendesk:777', 't-777', '2026-03-10T09:00:00Z') },
    });
    expect(ingest.status).toBe(200);
    const people = await t.api<{ people: { id: string; handles: string[] }[] }>(
      'GET',
      '/api/admin/people?handle=zendesk:777',
    );
    const stranger = people.body.people[0];
    if (!stranger) throw new Error('ingest made no unclaimed person');
    const res = await t.api('GET', `/api/admin/people/${stranger.id}/merge?into=${team.ana.id}`);
    expect(res.status).toBe(200);
    const preview = MergePreview.parse(res.body);
    expect(preview).toMatchObject({ allowed: true, reason: null, kudos: 0, handles: ['zendesk:777'] });
    expect(preview.events).toBeGreaterThan(0);

    const claimed = MergePreview.parse(
      (await t.api('GET', `/api/admin/people/${team.ben.id}/merge?into=${team.ana.id}`)).body,
    );
    expect(claimed.allowed).toBe(false);
    expect(claimed.reason).toMatch(/claimed person/);
    expect((await t.api('GET', `/api/admin/people/${stranger.id}/merge`)).status).toBe(400);
    expect((await t.api('GET', `/api/admin/people/${stranger.id}/merge?into=nobody`)).status).toBe(404);

    // The preview changed nothing; the merge then moves what it said.
    const merged = await t.api<{ handles: string[] }>('POST', `/api/admin/people/${stranger.id}/merge`, {
      body: { intoPersonId: team.ana.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.handles).toContain('zendesk:777');
  });
});
