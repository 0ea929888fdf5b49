import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamKudosReply } from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import type { Snapshot } from '../../../shared/api/snapshot';
import { FEED_PAGE_MAX, type FeedEntry, type FeedPage } from '../../../shared/api/feed';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, createTeam, key, standardTeam } from './helpers/fixtures';
import { LiveClient } from './helpers/live-client';

const pathOf = (teamId: string) => apiRoutes.teamKudos.path.replace(':teamId', teamId);
const body = { value: 'Teamwork', message: 'Great week, everyone — the backlog is gone' };

describe.each(DIALECTS)('team kudos POST /api/supervisor/teams/:teamId/kudos ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('refuses agents and other teams’ supervisors with 403, and stores nothing', async () => {
    const byAgent = await t.api('POST', pathOf(team.teamId), {
      token: team.ana.token,
      body,
      headers: { 'idempotency-key': key() },
    });
    expect(byAgent.status).toBe(403);
    const byOther = await t.api('POST', pathOf(team.teamId), {
      token: team.otherSupervisor.token,
      body,
      headers: { 'idempotency-key': key() },
    });
    expect(byOther.status).toBe(403);
    const inbox = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token })).body.kudos.inbox;
    expect(inbox.filter((k) => k.message === body.message)).toEqual([]);
  });

  it('rejects a bad body with 400 naming the field', async () => {
    const res = await t.api<{ issues: { path: string }[] }>('POST', pathOf(team.teamId), {
      token: team.supervisor.token,
      body: { value: 'Teamwork', message: '  ' },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.path)).toContain('message');
  });

  it('gives every agent member one kudos, pushed live, and honours the Idempotency-Key', async () => {
    const members = [team.ana, team.ben];
    const clients = await Promise.all(
      members.map(async (m) => {
        const cursor = (await t.api<Snapshot>('GET', '/api/me/state', { token: m.token })).body.cursor;
        const live = await LiveClient.open(t.url, { token: m.token, after: cursor });
        await live.waitFor((c) => c.messages.some((msg) => msg.kind === 'hello'));
        return live;
      }),
    );
    const idem = key();
    const res = await t.api('POST', pathOf(team.teamId), {
      token: team.supervisor.token,
      body,
      headers: { 'idempotency-key': idem },
    });
    expect(res.status).toBe(201);
    const reply = TeamKudosReply.parse(res.body);
    expect(reply.kudosIds).toHaveLength(2);
    expect(reply.duplicate).toBe(false);
    for (const live of clients) {
      await live.waitFor(
        (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === body.message),
        5_000,
      );
      expect(live.entries().some((e) => e.type === 'celebration')).toBe(true);
    }
    // Their shared fields stored once (feed_shared), every member's entries are whole: live exactly as a
    // catch-up page gives them, once each, gap-free, and the kudos is the one in the member's inbox.
    for (const [i, live] of clients.entries()) {
      const member = members[i] as (typeof members)[number];
      const after = (live.entries()[0]?.seq ?? 1) - 1;
      const page = (
        await t.api<FeedPage>('GET', `/api/me/feed?after=${after}&limit=${FEED_PAGE_MAX}`, {
          token: member.token,
        })
      ).body;
      await live.waitFor((c) => (c.entries().at(-1)?.seq ?? 0) >= page.cursor, 5_000);
      expect(live.entries()).toEqual(page.entries);
      const mine = page.entries.flatMap((e) =>
        e.type === 'kudos.upserted' && e.payload.message === body.message ? [e.payload] : [],
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ toPersonId: member.id, fromName: 'Sam Supervisor', value: 'Teamwork' });
      const inbox = (await t.api<Snapshot>('GET', '/api/me/state', { token: member.token })).body.kudos.inbox;
      expect(inbox).toContainEqual(mine[0]);
      const timeline = page.entries.filter(
        (e) => e.type === 'timeline.added' && e.payload.refId === mine[0]?.id,
      );
      expect(timeline).toHaveLength(1);
    }
    const received = clients.flatMap((live) =>
      live.entries().flatMap((e) => (e.type === 'kudos.upserted' ? [e.payload] : [])),
    );
    expect(received.map((k) => k.id).sort()).toEqual([...reply.kudosIds].sort());
    expect(received.every((k) => k.kind === 'supervisor' && k.fromPersonId === team.supervisor.id)).toBe(
      true,
    );

    const again = await t.api('POST', pathOf(team.teamId), {
      token: team.supervisor.token,
      body,
      headers: { 'idempotency-key': idem },
    });
    expect(again.status).toBe(201);
    expect(TeamKudosReply.parse(again.body)).toEqual({ kudosIds: reply.kudosIds, duplicate: true });
    for (const m of members) {
      const inbox = (await t.api<Snapshot>('GET', '/api/me/state', { token: m.token })).body.kudos.inbox;
      expect(inbox.filter((k) => k.message === body.message)).toHaveLength(1);
    }
    for (const live of clients) live.close();
  });

  it('lets an admin recognise any team; supervisors of the team are not sent kudos themselves', async () => {
    const cara = await createPerson(t.api, {
      name: 'Cara Agent',
      teamIds: [team.otherTeamId],
      handles: ['zendesk:301'],
    });
    const res = await t.api('POST', pathOf(team.otherTeamId), {
      body: { ...body, message: 'Thank you, team' },
    });
    expect(res.status).toBe(201);
    const reply = TeamKudosReply.parse(res.body);
    const agentIds = [cara.id, team.otherAgent.id];
    expect(reply.kudosIds).toHaveLength(agentIds.length);
    const olga = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.otherSupervisor.token })).body
      .kudos.inbox;
    expect(olga.some((k) => k.message === 'Thank you, team')).toBe(false);
    const missing = await t.api('POST', pathOf('no-such-team'), { body });
    expect(missing.status).toBe(404);
  });

  it('writes every member the entries one kudos writes, in the same order, gap-free, levelling up once', async () => {
    const teamId = await createTeam(t.api, 'Level Crew');
    const lead = await createPerson(t.api, { name: 'Lee Lead', role: 'supervisor', teamIds: [teamId] });
    const agents = await Promise.all(
      ['Dee', 'Eli', 'Fay'].map((name) => createPerson(t.api, { name: `${name} Agent`, teamIds: [teamId] })),
    );
    const cursorOf = async (token: string): Promise<number> =>
      (await t.api<Snapshot>('GET', '/api/me/state', { token })).body.cursor;
    const before = new Map(
      await Promise.all(agents.map(async (a) => [a.id, await cursorOf(a.token)] as const)),
    );
    const feedOf = async (agent: { id: string; token: string }): Promise<FeedEntry[]> =>
      (
        await t.api<FeedPage>('GET', `/api/me/feed?after=${before.get(agent.id)}&limit=1000`, {
          token: agent.token,
        })
      ).body.entries;
    const [dee] = agents;
    if (!dee) throw new Error('no agent');
    // The per-person path first: one kudos to Dee, for the shape a team kudos must give every member.
    const single = await t.api('POST', apiRoutes.sendKudos.path, {
      token: lead.token,
      body: { toPersonId: dee.id, value: 'Ownership', message: 'Thanks for the escalation' },
      headers: { 'idempotency-key': key() },
    });
    expect(single.status).toBe(200);
    const one = (await feedOf(dee)).map((e) => e.type);
    expect(one).toEqual(['kudos.upserted', 'timeline.added', 'celebration', 'growth.updated']);
    // Ten team kudos of 10 points each: every agent crosses level 2 (100 points) exactly once.
    for (let i = 0; i < 10; i++) {
      const res = await t.api('POST', pathOf(teamId), {
        token: lead.token,
        body: { value: 'Teamwork', message: `Round ${i}` },
        headers: { 'idempotency-key': key() },
      });
      expect(res.status).toBe(201);
    }
    for (const agent of agents) {
      const feed = await feedOf(agent);
      const from = before.get(agent.id) ?? 0;
      expect(feed.map((e) => e.seq)).toEqual(feed.map((_, i) => from + i + 1));
      const afterSingle = agent.id === dee.id ? feed.slice(one.length) : feed;
      const levelUp = afterSingle.findIndex(
        (e) => e.type === 'timeline.added' && e.payload.kind === 'level_up',
      );
      expect(levelUp).toBeGreaterThan(0);
      expect(afterSingle[levelUp - 1]?.type).toBe('growth.updated');
      expect(afterSingle[levelUp + 1]?.type).toBe('celebration');
      const rounds = [...afterSingle.slice(0, levelUp), ...afterSingle.slice(levelUp + 2)];
      expect(rounds.map((e) => e.type)).toEqual(Array.from({ length: 10 }, () => one).flat());
      const points = rounds.flatMap((e) => (e.type === 'growth.updated' ? [e.payload.points] : []));
      const start = agent.id === dee.id ? 10 : 0;
      expect(points).toEqual(Array.from({ length: 10 }, (_, i) => start + 10 * (i + 1)));
      const state = (await t.api<Snapshot>('GET', '/api/me/state', { token: agent.token })).body;
      expect(state.growth.points).toBe(start + 100);
      expect(state.cursor).toBe(from + feed.length);
      expect(state.kudos.inbox.filter((k) => k.message.startsWith('Round '))).toHaveLength(10);
    }
  });
});
