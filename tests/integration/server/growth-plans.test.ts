import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { ActionAck } from '../../../shared/api/actions';
import type { FeedPage } from '../../../shared/api/feed';
import { PersonPlan, TeamPlans, type SavePlanBody } from '../../../shared/api/growth-plans';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import { checkInsDue } from '../../../server/src/engine/plan-check-ins';
import { DIALECTS, TEST_NOW, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, key, standardTeam, ticketStory } from './helpers/fixtures';

describe.each(DIALECTS)('growth plans ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let cardId = '';
  let taskId = '';
  let certificationId = '';
  let plan: SavePlanBody;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
    const card = await t.api<{ id: string }>('POST', apiRoutes.writeCoachingCard.path, {
      token: team.supervisor.token,
      body: {
        agentId: team.ana.id,
        focusMetric: 'csatPct',
        current: '86%',
        potential: '92%',
        advice: 'Name the feeling before the fix.',
        tasks: [{ text: 'Shadow Ben on three angry calls', due: null }],
      },
    });
    cardId = card.body.id;
    const milestone = await t.api<{ id: string }>(
      'POST',
      fillPath(apiRoutes.recordMilestone.path, { personId: team.ana.id }),
      {
        token: team.supervisor.token,
        body: { kind: 'certification', title: 'Certified: Complaint handling', detail: null, at: TEST_NOW },
      },
    );
    certificationId = milestone.body.id;
    const state = await mine(team.ana.token);
    taskId = state.coaching.find((c) => c.id === cardId)?.tasks[0]?.id ?? '';
    plan = {
      goal: { kind: 'role_here', text: 'Team lead for the escalations queue' },
      visibility: 'me',
      // TEST_NOW is Wednesday 2026-03-11 in Warsaw: the day after tomorrow is "soon".
      nextCheckIn: '2026-03-13',
      skills: [
        {
          name: 'De-escalation',
          evidence: [
            { kind: 'kudos', value: 'Empathy', count: 2 },
            { kind: 'coaching', cardId, label: 'Name the feeling before the fix' },
            { kind: 'certification', name: 'Complaint handling', milestoneId: certificationId },
          ],
        },
        {
          name: 'Coaching others',
          evidence: [{ kind: 'certification', name: 'Train the trainer', milestoneId: null }],
        },
      ],
    };
  });
  afterAll(async () => t?.close());

  async function mine(token: string) {
    return (await t.api<Snapshot>('GET', '/api/me/state', { token })).body;
  }
  const save = (body: unknown, token = team.ana.token, k = key()) =>
    t.api<ActionAck>('POST', apiRoutes.savePlan.path, { token, body, headers: { 'idempotency-key': k } });
  const read = (token: string, personId = team.ana.id) =>
    t.api<unknown>('GET', fillPath(apiRoutes.personPlan.path, { id: personId }), { token });
  const teamRead = async (token = team.supervisor.token) => {
    const reply = await t.api<unknown>('GET', fillPath(apiRoutes.teamPlans.path, { teamId: team.teamId }), {
      token,
    });
    return { status: reply.status, body: reply.status === 200 ? TeamPlans.parse(reply.body) : null };
  };
  const checkIn = (body: unknown, token = team.supervisor.token, personId = team.ana.id) =>
    t.api<{ id: string }>('POST', fillPath(apiRoutes.recordCheckIn.path, { personId }), { token, body });
  const planEntries = async () =>
    (await mine(team.ana.token)).timeline.filter((e) => e.kind === 'plan_progress');

  it('the agent keeps a plan; its progress comes from evidence the server checks, and lands on the timeline', async () => {
    const k = key();
    expect((await save(plan, team.ana.token, k)).status).toBe(200);
    const state = await mine(team.ana.token);
    expect(state.plan?.plan.goal.text).toBe('Team lead for the escalations queue');
    expect(state.plan?.checkIn).toBe('soon');
    // Only the recorded certification is met: no Empathy kudos yet, the card is not completed.
    expect(state.plan?.progress).toMatchObject({ met: 1, total: 4 });
    expect(state.plan?.progress.skills[0]?.evidence.map((e) => e.met)).toEqual([false, false, true]);
    const entries = await planEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: 'Growth plan: De-escalation — 1 of 3', points: 0 });
    // A replay with the same key is a duplicate and records nothing new.
    const again = await save(plan, team.ana.token, k);
    expect(again.body).toMatchObject({ ok: true, duplicate: true });
    expect(await save(plan)).toMatchObject({ status: 200 });
    expect(await planEntries()).toHaveLength(1);
  });

  it('a plan kept to "me" is invisible to the supervisor and teammates (404), and out of reach for others (403)', async () => {
    expect((await read(team.ana.token)).status).toBe(200);
    expect((await read(team.supervisor.token)).status).toBe(404);
    expect((await read(team.ben.token)).status).toBe(404);
    expect((await read(team.otherAgent.token)).status).toBe(403);
    expect((await read(team.otherSupervisor.token)).status).toBe(403);
    const shared = await teamRead();
    expect(shared.body).toEqual({ plans: [], checkInsDue: [] });
    expect((await checkIn({ note: 'Sneaky', nextCheckIn: null })).status).toBe(404);
    expect(await checkInsDue(t.server.ctx.store.db, team.teamId, t.now())).toEqual([]);
    // Nothing about the plan reaches the supervisor's feed either.
    const feed = await t.api<FeedPage>('GET', '/api/me/feed?after=0', { token: team.supervisor.token });
    expect(JSON.stringify(feed.body)).not.toContain('escalations queue');
  });

  it('shared with the supervisor: in the team view with its check-in due, still hidden from teammates', async () => {
    expect((await save({ ...plan, visibility: 'supervisor' })).status).toBe(200);
    const seen = await read(team.supervisor.token);
    expect(seen.status).toBe(200);
    expect(PersonPlan.parse(seen.body)).toMatchObject({ name: 'Ana Agent', progress: { met: 1, total: 4 } });
    expect((await read(team.ben.token)).status).toBe(404);
    const shared = await teamRead();
    expect(shared.body?.plans.map((p) => p.agentId)).toEqual([team.ana.id]);
    expect(shared.body?.checkInsDue).toEqual([
      {
        agentId: team.ana.id,
        name: 'Ana Agent',
        goal: 'Team lead for the escalations queue',
        nextCheckIn: '2026-03-13',
        checkIn: 'soon',
      },
    ]);
    expect(await checkInsDue(t.server.ctx.store.db, team.teamId, t.now())).toEqual(shared.body?.checkInsDue);
    // Ten days on, the check-in is overdue; another team's supervisor is refused the list.
    const later = await checkInsDue(t.server.ctx.store.db, team.teamId, new Date('2026-03-21T12:00:00Z'));
    expect(later.map((c) => c.checkIn)).toEqual(['overdue']);
    expect((await teamRead(team.otherSupervisor.token)).status).toBe(403);
    expect((await teamRead(team.ana.token)).status).toBe(403);
  });

  it('shared with the team: teammates read it too', async () => {
    expect((await save({ ...plan, visibility: 'team' })).status).toBe(200);
    expect((await read(team.ben.token)).status).toBe(200);
    expect((await read(team.otherAgent.token)).status).toBe(403);
  });

  it('the supervisor records a check-in on a shared plan: the next date agreed, on the agent’s timeline', async () => {
    expect((await checkIn({ note: 'x', nextCheckIn: '2026-03-10' })).status).toBe(400);
    expect((await checkIn({ note: 'x', nextCheckIn: null }, team.otherSupervisor.token)).status).toBe(403);
    expect((await checkIn({ note: 'x', nextCheckIn: null }, team.ben.token)).status).toBe(403);
    const held = await checkIn({ note: 'Agreed: Ana runs the Tuesday huddle', nextCheckIn: '2026-03-25' });
    expect(held.status).toBe(201);
    // The reminder is gone until the next date comes near; the agent's plan says who checked in.
    expect((await teamRead()).body?.checkInsDue).toEqual([]);
    const state = await mine(team.ana.token);
    expect(state.plan?.plan.nextCheckIn).toBe('2026-03-25');
    expect(state.plan?.plan.lastCheckIn).toMatchObject({
      byName: 'Sam Supervisor',
      note: 'Agreed: Ana runs the Tuesday huddle',
    });
    expect(state.timeline.find((e) => e.kind === 'plan_check_in')).toMatchObject({
      title: 'Growth plan check-in with Sam Supervisor',
      detail: 'Agreed: Ana runs the Tuesday huddle',
      points: 0,
    });
    // The agent's next save keeps the check-in the supervisor recorded.
    expect((await save({ ...plan, visibility: 'team', nextCheckIn: '2026-03-25' })).status).toBe(200);
    expect((await mine(team.ana.token)).plan?.plan.lastCheckIn?.byName).toBe('Sam Supervisor');
  });

  it('an agent’s save from an editor opened before a check-in keeps the date that check-in agreed', async () => {
    const opened = (await mine(team.ana.token)).plan?.plan;
    const seenCheckInAt = opened?.lastCheckIn?.at ?? null;
    expect(seenCheckInAt).not.toBeNull();
    // The supervisor checks in again while the agent's editor is open on the older copy.
    expect((await checkIn({ note: 'Moved after the audit', nextCheckIn: '2026-04-01' })).status).toBe(201);
    const stale = { ...plan, visibility: 'team', nextCheckIn: '2026-03-25', seenCheckInAt };
    expect(
      (await save({ ...stale, goal: { ...plan.goal, text: 'Lead the escalations queue' } })).status,
    ).toBe(200);
    const kept = (await mine(team.ana.token)).plan?.plan;
    expect(kept).toMatchObject({ nextCheckIn: '2026-04-01', goal: { text: 'Lead the escalations queue' } });
    expect(kept).not.toHaveProperty('seenCheckInAt');
    // Opened after that check-in, the agent's own new date stands.
    const seen = kept?.lastCheckIn?.at ?? null;
    expect((await save({ ...stale, nextCheckIn: '2026-04-08', seenCheckInAt: seen })).status).toBe(200);
    expect((await mine(team.ana.token)).plan?.plan.nextCheckIn).toBe('2026-04-08');
    expect((await save({ ...stale, seenCheckInAt: 'yesterday' })).status).toBe(400);
  });

  it('kudos and a completed coaching card build the evidence, pushed to the agent and put on the timeline', async () => {
    const before = (await mine(team.ana.token)).cursor;
    for (const message of ['Calm with a furious caller', 'You turned that refund around'])
      expect(
        (
          await t.api<ActionAck>('POST', apiRoutes.sendKudos.path, {
            token: team.ben.token,
            body: { toPersonId: team.ana.id, value: 'Empathy', message },
            headers: { 'idempotency-key': key() },
          })
        ).status,
      ).toBe(200);
    const tick = await t.api<ActionAck>('POST', apiRoutes.tickTask.path, {
      token: team.ana.token,
      body: { cardId, taskId, done: true },
      headers: { 'idempotency-key': key() },
    });
    expect(tick.status).toBe(200);
    const feed = await t.api<FeedPage>('GET', `/api/me/feed?after=${before}`, { token: team.ana.token });
    const updates = feed.body.entries.filter((e) => e.type === 'plan.updated');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    const last = updates.at(-1);
    expect(last?.type === 'plan.updated' && last.payload.progress.skills[0]).toMatchObject({
      met: 3,
      total: 3,
    });
    expect((await planEntries()).map((e) => e.title).sort()).toEqual([
      'Growth plan: De-escalation — 1 of 3',
      'Growth plan: De-escalation — 2 of 3',
      'Growth plan: De-escalation — 3 of 3',
    ]);
    expect((await mine(team.ana.token)).plan?.progress).toMatchObject({ met: 3, total: 4 });
  });

  it('a mission completed by live ingest counts as evidence: the plan reads it met and the timeline says so', async () => {
    const assigned = await t.api<{ missionIds: string[] }>('POST', apiRoutes.assignMission.path, {
      token: team.supervisor.token,
      body: {
        agentIds: [team.ana.id],
        spec: {
          title: 'Solve 2 this week',
          metric: 'solved',
          comparator: 'atLeast',
          target: 2,
          window: { start: '2026-03-09T00:00:00+01:00', end: '2026-03-16T00:00:00+01:00' },
        },
      },
    });
    expect(assigned.status).toBe(201);
    const missionId = assigned.body.missionIds[0] ?? '';
    const skills = [
      ...plan.skills,
      { name: 'Ownership', evidence: [{ kind: 'mission' as const, missionId, label: 'Solve 2 this week' }] },
    ];
    expect((await save({ ...plan, visibility: 'team', nextCheckIn: '2026-03-25', skills })).status).toBe(200);
    const ownership = (p: unknown) => PersonPlan.parse(p).progress.skills.find((s) => s.name === 'Ownership');
    expect(ownership((await read(team.ana.token)).body)).toMatchObject({ met: 0, total: 1 });
    const before = (await mine(team.ana.token)).cursor;
    // Both solves arrive in one ingest batch: the mission completes inside it.
    const ingested = await t.api<{ rejected: unknown[] }>('POST', '/api/ingest/events', {
      body: {
        events: [
          ...ticketStory('zendesk:101', 'GP-1', '2026-03-10T08:00:00Z'),
          ...ticketStory('zendesk:101', 'GP-2', '2026-03-10T09:00:00Z'),
        ],
      },
    });
    expect(ingested.status).toBe(200);
    expect(ingested.body.rejected).toEqual([]);
    const state = await mine(team.ana.token);
    expect(state.missions.find((m) => m.mission.id === missionId)?.mission.status).toBe('completed');
    expect(ownership((await read(team.ana.token)).body)).toMatchObject({ met: 1, total: 1 });
    expect(state.plan?.progress.skills.find((s) => s.name === 'Ownership')?.evidence[0]?.met).toBe(true);
    expect(state.timeline.filter((e) => e.kind === 'plan_progress').map((e) => e.title)).toContain(
      'Growth plan: Ownership — 1 of 1',
    );
    // The update pushed to the agent carries the evidence met, not the plan as it read before the write.
    const feed = await t.api<FeedPage>('GET', `/api/me/feed?after=${before}&limit=100`, {
      token: team.ana.token,
    });
    const last = feed.body.entries.filter((e) => e.type === 'plan.updated').at(-1);
    expect(
      last?.type === 'plan.updated' && last.payload.progress.skills.find((s) => s.name === 'Ownership'),
    ).toMatchObject({ met: 1, total: 1 });
  });

  it('refuses evidence that is not the agent’s own, and a skill named twice (400 naming the path)', async () => {
    const cleo = await createPerson(t.api, { name: 'Cleo Agent', teamIds: [team.teamId] });
    const theirs = await save(
      {
        ...plan,
        skills: [{ name: 'Empathy', evidence: [{ kind: 'coaching', cardId, label: 'Ana’s card' }] }],
      },
      cleo.token,
    );
    expect(theirs.status).toBe(400);
    expect(JSON.stringify(theirs.body)).toContain('skills.0.evidence.0.cardId');
    const twice = await save({
      ...plan,
      skills: [
        { name: 'Empathy', evidence: [] },
        { name: 'empathy ', evidence: [] },
      ],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('skills.1.name');
    const missing = await save({ ...plan, goal: { kind: 'role_here', text: '' } });
    expect(missing.status).toBe(400);
    expect((await mine(cleo.token)).plan).toBeNull();
  });
});
