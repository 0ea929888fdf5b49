import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { FeedPage } from '../../../shared/api/feed';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { createPerson, key, standardTeam, ticketStory } from '../server/helpers/fixtures';

/**
 * Issue 12 item 14: merging a claimed person left their timeline, coaching, ideas, state and feed rows pointing
 * at nobody, and the kudos that moved changed the target's inbox without a feed entry; duplicate teamIds in one
 * request gave a 500. A claimed person is not merged (409, with the reason); an unclaimed one is merged with
 * nothing left behind and the moved kudos on the target's feed; duplicate teamIds are a 400 naming them.
 */
describe.each(DIALECTS)('admin merge and team lists ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  /** Every stored row, as text, that names `id` in any column. */
  async function rowsNaming(id: string): Promise<string[]> {
    const db = t.server.ctx.store.db;
    const schema = t.server.ctx.store.schema;
    const found: string[] = [];
    for (const table of await db.introspection.getTables()) {
      if (schema && table.schema !== schema) continue;
      // Table names come from the store's own catalogue, not from input.
      for (const row of await db
        .selectFrom(table.name as 'feed')
        .selectAll()
        .execute()) {
        const text = JSON.stringify(row);
        if (text.includes(id)) found.push(`${table.name}: ${text.slice(0, 200)}`);
      }
    }
    return found;
  }

  it('refuses to merge a claimed person with 409 and a reason, and changes nothing', async () => {
    const card = await t.api('POST', apiRoutes.writeCoachingCard.path, {
      token: team.supervisor.token,
      body: {
        agentId: team.ben.id,
        focusMetric: 'csatPct',
        current: '86%',
        potential: '92%',
        advice: 'Confirm the fix before closing.',
        tasks: [],
      },
      headers: { 'idempotency-key': key() },
    });
    expect(card.status).toBe(201);
    const before = await rowsNaming(team.ben.id);
    const merged = await t.api<{ error: string; message: string }>(
      'POST',
      `/api/admin/people/${team.ben.id}/merge`,
      { body: { intoPersonId: team.ana.id } },
    );
    expect(merged.status).toBe(409);
    expect(merged.body.error).toBe('merge_claimed');
    expect(merged.body.message).toContain('Ben Agent');
    expect(await rowsNaming(team.ben.id)).toEqual(before);
    expect((await t.api('GET', '/api/me/state', { token: team.ben.token })).status).toBe(200);
  });

  it('merges an unclaimed person: nothing names them after, and the moved kudos arrive on the target’s feed', async () => {
    const start = new Date(t.now().getTime() - 6 * 3_600_000).toISOString();
    const ingest = await t.api('POST', '/api/ingest/events', {
      body: {
        events: ticketStory('zendesk:777', 'M-1', start, { comment: 'Such a patient, kind answer' }),
      },
    });
    expect(ingest.status).toBe(200);
    const people = await t.api<{ people: { id: string; handles: string[] }[] }>(
      'GET',
      '/api/admin/people?claimed=false',
    );
    const ghost = people.body.people.find((p) => p.handles.includes('zendesk:777'));
    if (!ghost) throw new Error('no unclaimed person for zendesk:777');
    const rita = await createPerson(t.api, { name: 'Rita Real', teamIds: [team.teamId] });
    const head = (await t.api<FeedPage>('GET', '/api/me/feed?after=0', { token: rita.token })).body;
    const cursor = head.entries.at(-1)?.seq ?? 0;

    const merged = await t.api<{ handles: string[] }>('POST', `/api/admin/people/${ghost.id}/merge`, {
      body: { intoPersonId: rita.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.handles).toContain('zendesk:777');
    expect(await rowsNaming(ghost.id)).toEqual([]);

    const feed = (await t.api<FeedPage>('GET', `/api/me/feed?after=${cursor}`, { token: rita.token })).body;
    const moved = feed.entries.filter((e) => e.type === 'kudos.upserted');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.payload).toMatchObject({ kind: 'customer', toPersonId: rita.id, toName: 'Rita Real' });
    const state = (await t.api<Snapshot>('GET', '/api/me/state', { token: rita.token })).body;
    const kudos = state.kudos.inbox.find((k) => k.kind === 'customer');
    if (!kudos) throw new Error('the moved kudos is not in the inbox');
    expect(state.timeline.some((e) => e.kind === 'kudos_received')).toBe(true);
    const thanked = await t.api('POST', apiRoutes.thankKudos.path, {
      token: rita.token,
      body: { kudosId: kudos.id },
      headers: { 'idempotency-key': key() },
    });
    expect(thanked.status).toBe(200);
  });

  it('answers duplicate teamIds with 400 naming the team, on create and on update', async () => {
    const created = await t.api<{ issues: { path: string }[]; message: string }>(
      'POST',
      '/api/admin/people',
      {
        body: { name: 'Dora Double', role: 'agent', teamIds: [team.teamId, team.teamId] },
      },
    );
    expect(created.status).toBe(400);
    expect(created.body.issues.map((i) => i.path)).toEqual(['teamIds']);
    expect(created.body.message).toContain(team.teamId);
    const updated = await t.api<{ issues: { path: string }[] }>('PATCH', `/api/admin/people/${team.ben.id}`, {
      body: { teamIds: [team.otherTeamId, team.teamId, team.otherTeamId] },
    });
    expect(updated.status).toBe(400);
    expect(updated.body.issues.map((i) => i.path)).toEqual(['teamIds']);
    const ben = await t.api<{ teamIds: string[] }>('GET', `/api/admin/people/${team.ben.id}`);
    expect(ben.body.teamIds).toEqual([team.teamId]);
  });
});
