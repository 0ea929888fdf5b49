import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { ActionAck } from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import type { FeedPage } from '../../../shared/api/feed';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { key, standardTeam } from './helpers/fixtures';

const kudosBody = (toPersonId: string, message = 'You rescued the VAT ticket for me.') => ({
  toPersonId,
  value: 'Teamwork',
  message,
});

describe.each(DIALECTS)('agent actions ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const state = async (token: string) => (await t.api<Snapshot>('GET', '/api/me/state', { token })).body;

  it('sends peer kudos once per Idempotency-Key: a replay returns the same id with duplicate: true', async () => {
    const k = key();
    const first = await t.api<ActionAck>('POST', apiRoutes.sendKudos.path, {
      token: team.ana.token,
      body: kudosBody(team.ben.id),
      headers: { 'idempotency-key': k },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, duplicate: false });
    const replay = await t.api<ActionAck>('POST', apiRoutes.sendKudos.path, {
      token: team.ana.token,
      body: kudosBody(team.ben.id),
      headers: { 'idempotency-key': k },
    });
    expect(replay.body).toEqual({ ok: true, id: first.body.id, duplicate: true });
    const ben = await state(team.ben.token);
    expect(ben.kudos.inbox.filter((x) => x.id === first.body.id)).toHaveLength(1);
    expect(ben.kudos.inbox[0]).toMatchObject({ kind: 'peer', fromName: 'Ana Agent', value: 'Teamwork' });
    expect(ben.timeline.some((e) => e.kind === 'kudos_received')).toBe(true);
    const ana = await state(team.ana.token);
    expect(ana.kudos.sentToday).toBe(1);
    const feed = await t.api<FeedPage>('GET', '/api/me/feed?after=0', { token: team.ana.token });
    expect(feed.body.entries.find((e) => e.type === 'kudos.quota')?.payload).toEqual({
      sentToday: 1,
      dailyCap: 5,
    });
  });

  it('requires the Idempotency-Key header and a valid body', async () => {
    expect(
      (await t.api('POST', apiRoutes.sendKudos.path, { token: team.ana.token, body: kudosBody(team.ben.id) }))
        .status,
    ).toBe(400);
    const bad = await t.api<{ issues: { path: string }[] }>('POST', apiRoutes.sendKudos.path, {
      token: team.ana.token,
      body: { toPersonId: team.ben.id, value: 'Nice', message: '' },
      headers: { 'idempotency-key': key() },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i) => i.path).sort()).toEqual(['message', 'value']);
    expect(
      (
        await t.api('POST', apiRoutes.sendKudos.path, {
          token: team.ana.token,
          body: kudosBody(team.otherAgent.id),
          headers: { 'idempotency-key': key() },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api('POST', apiRoutes.sendKudos.path, {
          token: team.ana.token,
          body: kudosBody(team.ana.id),
          headers: { 'idempotency-key': key() },
        })
      ).status,
    ).toBe(422);
  });

  it('enforces the daily peer cap, and a supervisor is not capped', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await t.api('POST', apiRoutes.sendKudos.path, {
            token: team.ana.token,
            body: kudosBody(team.ben.id, `thanks #${i}`),
            headers: { 'idempotency-key': key() },
          })
        ).status,
      ).toBe(200);
    }
    const over = await t.api<{ error: string }>('POST', apiRoutes.sendKudos.path, {
      token: team.ana.token,
      body: kudosBody(team.ben.id, 'one more'),
      headers: { 'idempotency-key': key() },
    });
    expect(over.status).toBe(422);
    expect(over.body.error).toBe('daily_cap_reached');
    const boss = await t.api('POST', apiRoutes.sendKudos.path, {
      token: team.supervisor.token,
      body: kudosBody(team.ben.id, 'Great week'),
      headers: { 'idempotency-key': key() },
    });
    expect(boss.status).toBe(200);
    expect((await state(team.ben.token)).kudos.inbox.filter((k) => k.kind === 'supervisor')).toHaveLength(1);
  });

  it('says thanks and marks kudos read', async () => {
    const ben = await state(team.ben.token);
    const kudos = ben.kudos.inbox[0]!;
    const thanks = await t.api<ActionAck>('POST', apiRoutes.thankKudos.path, {
      token: team.ben.token,
      body: { kudosId: kudos.id },
      headers: { 'idempotency-key': key() },
    });
    expect(thanks.body.duplicate).toBe(false);
    const read = await t.api('POST', apiRoutes.markKudosRead.path, {
      token: team.ben.token,
      body: { kudosIds: ben.kudos.inbox.map((k) => k.id) },
      headers: { 'idempotency-key': key() },
    });
    expect(read.status).toBe(200);
    const after = await state(team.ben.token);
    expect(after.kudos.inbox.find((k) => k.id === kudos.id)?.thankedAt).not.toBeNull();
    expect(after.kudos.inbox.every((k) => k.readAt !== null)).toBe(true);
    // Someone else's kudos cannot be thanked.
    expect(
      (
        await t.api('POST', apiRoutes.thankKudos.path, {
          token: team.ana.token,
          body: { kudosId: kudos.id },
          headers: { 'idempotency-key': key() },
        })
      ).status,
    ).toBe(404);
  });

  it('updates the 3 Ps profile with per-field visibility, and shares only what is shared', async () => {
    const profile = {
      purposeWhy: { text: 'I like fixing things for people', visibility: 'supervisor' },
      purposeWhere: { text: 'Team lead', visibility: 'me' },
      passions: { text: 'Climbing', visibility: 'team' },
      strengths: { text: '', visibility: 'team' },
      skillsToGrow: { text: 'SQL', visibility: 'me' },
    };
    const res = await t.api('POST', apiRoutes.updateProfile.path, {
      token: team.ana.token,
      body: profile,
      headers: { 'idempotency-key': key() },
    });
    expect(res.status).toBe(200);
    expect((await state(team.ana.token)).profile).toEqual(profile);
    const overview = await t.api<{
      members: { personId: string; sharedProfile: { field: string; prompt: string }[] }[];
    }>('GET', `/api/teams/${team.teamId}/overview`, { token: team.supervisor.token });
    const ana = overview.body.members.find((m) => m.personId === team.ana.id);
    expect(ana?.sharedProfile.map((s) => s.field)).toEqual(['purposeWhy', 'passions']);
    expect(ana?.sharedProfile[0]?.prompt).toContain('Ana');
  });

  it('submits ideas (an anonymous one is stored without its author) and the supervisor moves them to done', async () => {
    const named = await t.api<ActionAck>('POST', apiRoutes.submitIdea.path, {
      token: team.ana.token,
      body: { title: 'Refund macro library', body: 'One place' },
      headers: { 'idempotency-key': key() },
    });
    const k = key();
    const anon = await t.api<ActionAck>('POST', apiRoutes.submitIdea.path, {
      token: team.ana.token,
      body: { title: 'Less overtime', anonymous: true },
      headers: { 'idempotency-key': k },
    });
    expect(anon.body.id).toBeTruthy();
    const row = await t.server.ctx.store.db
      .selectFrom('ideas')
      .selectAll()
      .where('id', '=', anon.body.id!)
      .executeTakeFirstOrThrow();
    expect(row.author_id).toBeNull();
    expect(row.body).not.toContain(team.ana.id);
    // Its idempotency row is not stored under the author's key (tests/integration/faults/anonymous-ideas.test.ts).
    const idem = await t.server.ctx.store.db
      .selectFrom('idempotency')
      .select('result_id')
      .where('key', '=', k)
      .execute();
    expect(idem).toEqual([]);
    expect((await state(team.ben.token)).ideas.map((i) => i.title).sort()).toEqual([
      'Less overtime',
      'Refund macro library',
    ]);
    expect(
      (
        await t.api('POST', `/api/supervisor/ideas/${named.body.id}/status`, {
          token: team.ana.token,
          body: { status: 'done' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api('POST', `/api/supervisor/ideas/${named.body.id}/status`, {
          token: team.otherSupervisor.token,
          body: { status: 'done' },
        })
      ).status,
    ).toBe(403);
    const moved = await t.api('POST', `/api/supervisor/ideas/${named.body.id}/status`, {
      token: team.supervisor.token,
      body: { status: 'done', response: 'Shipped in the macro folder' },
    });
    expect(moved.status).toBe(200);
    const ana = await state(team.ana.token);
    expect(ana.ideas.find((i) => i.id === named.body.id)).toMatchObject({
      status: 'done',
      response: 'Shipped in the macro folder',
    });
    expect(ana.timeline.some((e) => e.kind === 'idea_adopted')).toBe(true);
  });

  it('coaching: the supervisor writes a card, the agent ticks tasks and replies; completion lands on the timeline', async () => {
    const card = await t.api<{ id: string }>('POST', '/api/supervisor/coaching', {
      token: team.supervisor.token,
      body: {
        agentId: team.ben.id,
        focusMetric: 'frtAvgMinutes',
        current: '55 min',
        potential: '30 min',
        advice: 'Morning sweep of new tickets',
        tasks: [{ text: 'Sweep for 3 days' }, { text: 'Two macros', due: '2026-12-01' }],
      },
    });
    expect(card.status).toBe(201);
    expect(
      (
        await t.api('POST', '/api/supervisor/coaching', {
          token: team.otherSupervisor.token,
          body: {
            agentId: team.ben.id,
            focusMetric: 'qaAvg',
            current: '',
            potential: '',
            advice: 'x',
            tasks: [],
          },
        })
      ).status,
    ).toBe(403);
    const ben = await state(team.ben.token);
    const tasks = ben.coaching.find((c) => c.id === card.body.id)?.tasks ?? [];
    expect(tasks).toHaveLength(2);
    for (const task of tasks) {
      const res = await t.api('POST', apiRoutes.tickTask.path, {
        token: team.ben.token,
        body: { cardId: card.body.id, taskId: task.id, done: true },
        headers: { 'idempotency-key': key() },
      });
      expect(res.status).toBe(200);
    }
    const reply = await t.api('POST', apiRoutes.replyCoaching.path, {
      token: team.ben.token,
      body: { cardId: card.body.id, text: 'Done, it helped!' },
      headers: { 'idempotency-key': key() },
    });
    expect(reply.status).toBe(200);
    const after = await state(team.ben.token);
    const done = after.coaching.find((c) => c.id === card.body.id);
    expect(done?.completedAt).not.toBeNull();
    expect(done?.replies.map((r) => r.text)).toEqual(['Done, it helped!']);
    expect(after.timeline.some((e) => e.kind === 'coaching_completed')).toBe(true);
    // Ana cannot tick Ben's tasks.
    expect(
      (
        await t.api('POST', apiRoutes.tickTask.path, {
          token: team.ana.token,
          body: { cardId: card.body.id, taskId: tasks[0]!.id, done: false },
          headers: { 'idempotency-key': key() },
        })
      ).status,
    ).toBe(404);
  });

  it('records career milestones (supervisor of the team only) and reports a 409 for a reused key on another action', async () => {
    const res = await t.api<{ id: string }>('POST', `/api/supervisor/people/${team.ana.id}/milestones`, {
      token: team.supervisor.token,
      body: { kind: 'certification', title: 'Billing expert', at: '2026-11-01T10:00:00Z' },
    });
    expect(res.status).toBe(201);
    expect((await state(team.ana.token)).timeline.find((e) => e.kind === 'career_milestone')?.title).toBe(
      'Billing expert',
    );
    expect(
      (
        await t.api('POST', `/api/supervisor/people/${team.ana.id}/milestones`, {
          token: team.otherSupervisor.token,
          body: { kind: 'other', title: 'x', at: '2026-11-01T10:00:00Z' },
        })
      ).status,
    ).toBe(403);
    const k = key();
    await t.api('POST', apiRoutes.submitIdea.path, {
      token: team.ben.token,
      body: { title: 'A' },
      headers: { 'idempotency-key': k },
    });
    expect(
      (
        await t.api('POST', apiRoutes.sendKudos.path, {
          token: team.ben.token,
          body: kudosBody(team.ana.id),
          headers: { 'idempotency-key': k },
        })
      ).status,
    ).toBe(409);
  });

  it('shows the supervisor a team overview with "nobody forgotten"', async () => {
    const res = await t.api<{
      members: { personId: string; notRecognised: boolean; lastRecognisedAt: string | null }[];
    }>('GET', `/api/teams/${team.teamId}/overview`, { token: team.supervisor.token });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.members.map((m) => [m.personId, m]));
    expect(byId.get(team.ben.id)?.notRecognised).toBe(false);
    expect(byId.get(team.ana.id)?.notRecognised).toBe(true);
    expect((await t.api('GET', `/api/teams/${team.teamId}/overview`)).status).toBe(200);
  });
});
