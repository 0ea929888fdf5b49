import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage } from '../../../shared/api/feed';
import { MyRecap } from '../../../shared/api/recap';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import { TeamBriefing } from '../../../shared/domain/recap-model';
import type { AppContext } from '../../../server/src/core/context';
import { startScheduler } from '../../../server/src/scheduler/scheduler';
import { deliverWeeklyRecaps } from '../../../server/src/engine/weekly-recap-job';
import { insertKudos } from '../../../server/src/store/repos/kudos-repo';
import {
  deliveriesOf,
  RECAP_SUBJECT,
  briefingSubject,
} from '../../../server/src/store/repos/weekly-recaps-repo';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, key, standardTeam, ticketStory } from './helpers/fixtures';

/**
 * The weekly recap job on a real store with the clock injected: Warsaw moved to summer time on Sunday
 * 29 March 2026, so the week of the 23rd starts its shifts at 08:00Z and the week of the 30th at 07:00Z.
 */
const WEEK_23_DUE = '2026-03-23T08:00:00.000Z';
const WEEK_30_DUE = '2026-03-30T07:00:00.000Z';
const minus = (at: string, ms: number) => new Date(Date.parse(at) - ms).toISOString();

describe.each(DIALECTS)('the weekly recap and briefing job ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let chicago: Awaited<ReturnType<typeof createPerson>>;
  let onLeave: Awaited<ReturnType<typeof createPerson>>;
  /** The scheduler on the server's store with its clock set to `at`. */
  const tickAt = async (at: string) => {
    const ctx: AppContext = { ...t.server.ctx, clock: () => new Date(at) };
    const scheduler = startScheduler(ctx, { tickMs: 3_600_000 });
    try {
      await scheduler.tick();
    } finally {
      scheduler.stop();
      await scheduler.idle();
    }
  };
  const feedOf = async (token: string) =>
    (await t.api<FeedPage>('GET', '/api/me/feed?after=0&limit=1000', { token })).body.entries.flatMap((e) =>
      e.type === 'celebration' && (e.payload.kind === 'weekly_recap' || e.payload.kind === 'team_briefing')
        ? [e.payload]
        : [],
    );

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: '2026-03-20T12:00:00Z' });
    team = await standardTeam(t.api);
    chicago = await createPerson(t.api, {
      name: 'Chi Cago',
      teamIds: [team.teamId],
      timezone: 'America/Chicago',
      handles: ['zendesk:103'],
    });
    onLeave = await createPerson(t.api, { name: 'Lea Leave', teamIds: [team.teamId] });
    // On leave Monday and Tuesday of the week of the 30th: the first shift is Wednesday's.
    await t.api('PATCH', `/api/admin/people/${onLeave.id}`, {
      body: {
        absences: [
          { date: '2026-03-30', kind: 'leave' },
          { date: '2026-03-31', kind: 'leave' },
        ],
      },
    });
    // Ana: three tickets in the week of 16 March (one satisfied), five in the week of 23 March.
    const stories = [
      ...['2026-03-16', '2026-03-17', '2026-03-18'].map((d, i) =>
        ticketStory('zendesk:101', `A-${i}`, `${d}T09:30:00Z`, { satisfied: i === 0 }),
      ),
      ...['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'].map((d, i) =>
        ticketStory('zendesk:101', `B-${i}`, `${d}T09:30:00Z`, { satisfied: true }),
      ),
    ];
    const res = await t.api('POST', '/api/ingest/events', { body: { events: stories.flat() } });
    expect(res.status).toBe(200);
    // A kudos from Ben on the Wednesday of the recapped week, and one the week before (not in the recap).
    for (const [id, at] of [
      ['k-week', '2026-03-25T10:00:00.000Z'],
      ['k-before', '2026-03-18T10:00:00.000Z'],
    ] as const)
      await insertKudos(
        t.server.ctx.store.db,
        {
          id,
          kind: 'peer',
          fromPersonId: team.ben.id,
          fromName: 'Ben Agent',
          toPersonId: team.ana.id,
          toName: 'Ana Agent',
          message: `Thanks (${id})`,
          value: 'Teamwork',
          ticketId: null,
          ticketUrl: null,
          customerQuote: null,
          at,
          thankedAt: null,
          readAt: null,
        },
        null,
      );
  });
  afterAll(async () => t?.close());

  it('is due at the start of the first shift in the agent’s zone, across the change to summer time', async () => {
    const db = t.server.ctx.store.db;
    await tickAt(minus(WEEK_23_DUE, 60_000));
    expect(await deliveriesOf(db, team.ana.id, RECAP_SUBJECT)).toEqual([]);
    await tickAt(WEEK_23_DUE);
    expect((await deliveriesOf(db, team.ana.id, RECAP_SUBJECT)).map((d) => d.forWeek)).toEqual([
      '2026-03-23',
    ]);
    // Chicago's 09:00 that Monday is 14:00Z (CDT since 8 March).
    expect(await deliveriesOf(db, chicago.id, RECAP_SUBJECT)).toEqual([]);
    await tickAt('2026-03-23T14:00:00.000Z');
    // The week after the change: 09:00 in Warsaw is an hour earlier in UTC.
    await tickAt(minus(WEEK_30_DUE, 60_000));
    expect(await deliveriesOf(db, team.ana.id, RECAP_SUBJECT)).toHaveLength(1);
    await tickAt(WEEK_30_DUE);
    expect(await deliveriesOf(db, team.ana.id, RECAP_SUBJECT)).toEqual([
      { forWeek: '2026-03-23', deliveredAt: WEEK_23_DUE },
      { forWeek: '2026-03-30', deliveredAt: WEEK_30_DUE },
    ]);
    // Chicago's 30 March starts at 14:00Z too: not yet at 07:00Z.
    expect(await deliveriesOf(db, chicago.id, RECAP_SUBJECT)).toHaveLength(1);
    await tickAt('2026-03-30T14:00:00.000Z');
    expect((await deliveriesOf(db, chicago.id, RECAP_SUBJECT)).map((d) => d.deliveredAt)).toEqual([
      '2026-03-23T14:00:00.000Z',
      '2026-03-30T14:00:00.000Z',
    ]);
    // Someone on leave Monday and Tuesday gets theirs at Wednesday's shift, not before.
    await tickAt('2026-03-31T12:00:00.000Z');
    expect((await deliveriesOf(db, onLeave.id, RECAP_SUBJECT)).map((d) => d.forWeek)).toEqual(['2026-03-23']);
    await tickAt('2026-04-01T07:00:00.000Z');
    expect((await deliveriesOf(db, onLeave.id, RECAP_SUBJECT)).map((d) => d.forWeek)).toEqual([
      '2026-03-23',
      '2026-03-30',
    ]);
  });

  it('answers the agent’s latest recap: their own week against their own past, the kudos that named them', async () => {
    const res = await t.api('GET', apiRoutes.myRecap.path, { token: team.ana.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { recap } = MyRecap.parse(res.body);
    expect(recap?.weekStart).toBe('2026-03-23');
    expect(recap?.forWeek).toBe('2026-03-30');
    expect(recap?.solved.value).toBe(5);
    expect(recap?.customersHelped.value).toBe(5);
    expect(recap?.thanksReceived.value).toBe(5);
    // One earlier week of Ana's own is not enough to say what is usual for her.
    expect(recap?.solved.change).toBe('first_weeks');
    expect(recap?.kudos.map((k) => k.message)).toEqual(['Thanks (k-week)']);
    const first = (await deliveriesOf(t.server.ctx.store.db, team.ana.id, RECAP_SUBJECT))[0];
    expect(first?.forWeek).toBe('2026-03-23');
    // Someone without a recap yet gets null; the bootstrap admin has none at all.
    const fresh = await createPerson(t.api, { name: 'New Person', teamIds: [team.teamId] });
    expect(MyRecap.parse((await t.api('GET', apiRoutes.myRecap.path, { token: fresh.token })).body)).toEqual({
      recap: null,
    });
    expect((await t.api('GET', apiRoutes.myRecap.path)).status).toBe(403);
  });

  it('sends the supervisor one briefing per team and week, and answers the team week to its supervisors only', async () => {
    const db = t.server.ctx.store.db;
    expect(
      (await deliveriesOf(db, team.supervisor.id, briefingSubject(team.teamId))).map((d) => d.forWeek),
    ).toEqual(['2026-03-23', '2026-03-30']);
    expect((await feedOf(team.supervisor.token)).map((n) => n.kind)).toEqual([
      'team_briefing',
      'team_briefing',
    ]);
    const path = fillPath(apiRoutes.teamBriefing.path, { teamId: team.teamId });
    const res = await t.api('GET', path, { token: team.supervisor.token });
    expect(res.status).toBe(200);
    const briefing = TeamBriefing.parse(res.body);
    // Everyone, exactly once: nobody forgotten.
    expect(briefing.recognise.map((r) => r.name).sort()).toEqual(
      ['Ana Agent', 'Ben Agent', 'Chi Cago', 'Lea Leave', 'New Person'].sort(),
    );
    expect(briefing.recognise.find((r) => r.name === 'Ana Agent')?.lastRecognisedAt).not.toBeNull();
    expect((await t.api('GET', path, { token: team.ana.token })).status).toBe(403);
    expect((await t.api('GET', path, { token: team.otherSupervisor.token })).status).toBe(403);
    expect(
      (await t.api('GET', fillPath(apiRoutes.teamBriefing.path, { teamId: 'no-such-team' }))).status,
    ).toBe(404);
  });

  it('has the check-ins due on plans shared with the supervisor, never one on a plan kept to "only me"', async () => {
    const savePlan = (token: string, visibility: 'me' | 'supervisor', goal: string, nextCheckIn: string) =>
      t.api('POST', apiRoutes.savePlan.path, {
        token,
        body: { goal: { kind: 'role_here', text: goal }, skills: [], visibility, nextCheckIn },
        headers: { 'idempotency-key': key() },
      });
    // The server's day is Friday 20 March: Sunday is "soon" (within 3 days), Saturday too.
    expect(
      (await savePlan(team.ana.token, 'supervisor', 'Team lead for escalations', '2026-03-22')).status,
    ).toBe(200);
    expect((await savePlan(team.ben.token, 'me', 'Leave for product management', '2026-03-21')).status).toBe(
      200,
    );
    const path = fillPath(apiRoutes.teamBriefing.path, { teamId: team.teamId });
    const briefing = TeamBriefing.parse((await t.api('GET', path, { token: team.supervisor.token })).body);
    expect(briefing.checkInsDue).toEqual([
      {
        agentId: team.ana.id,
        name: 'Ana Agent',
        goal: 'Team lead for escalations',
        nextCheckIn: '2026-03-22',
        checkIn: 'soon',
      },
    ]);
    expect(JSON.stringify(briefing)).not.toContain('product management');
    // Shared later, Ben's check-in reaches the briefing too, the earliest first.
    expect(
      (await savePlan(team.ben.token, 'supervisor', 'Leave for product management', '2026-03-21')).status,
    ).toBe(200);
    const again = TeamBriefing.parse((await t.api('GET', path, { token: team.supervisor.token })).body);
    expect(again.checkInsDue.map((c) => [c.name, c.checkIn])).toEqual([
      ['Ben Agent', 'soon'],
      ['Ana Agent', 'soon'],
    ]);
    // Kept to "only me" again, it leaves the briefing.
    expect((await savePlan(team.ben.token, 'me', 'Leave for product management', '2026-03-21')).status).toBe(
      200,
    );
    const last = TeamBriefing.parse((await t.api('GET', path, { token: team.supervisor.token })).body);
    expect(last.checkInsDue.map((c) => c.name)).toEqual(['Ana Agent']);
    // An admin manages the team but supervises no one: the briefing without the plans' check-ins.
    const asAdmin = TeamBriefing.parse((await t.api('GET', path)).body);
    expect(asAdmin.recognise).toEqual(last.recognise);
    expect(asAdmin.checkInsDue).toEqual([]);
  });

  it('delivers each recap exactly once, however many ticks and instances run the job at once', async () => {
    const at = '2026-04-06T07:00:00.000Z';
    const ctx: AppContext = { ...t.server.ctx, clock: () => new Date(at) };
    const runs = await Promise.all([deliverWeeklyRecaps(ctx, at), deliverWeeklyRecaps(ctx, at)]);
    // Ana, Ben, Lea and the new person are due in Warsaw (Chicago is not yet), and Sam's one briefing.
    expect(runs.reduce((n, r) => n + r.recaps, 0)).toBe(4);
    expect(runs.reduce((n, r) => n + r.briefings, 0)).toBe(1);
    await tickAt(at);
    await tickAt('2026-04-06T10:00:00.000Z');
    expect((await feedOf(team.ana.token)).map((n) => [n.kind, n.id])).toEqual([
      ['weekly_recap', `recap:${team.ana.id}:2026-03-23`],
      ['weekly_recap', `recap:${team.ana.id}:2026-03-30`],
      ['weekly_recap', `recap:${team.ana.id}:2026-04-06`],
    ]);
    expect((await feedOf(team.supervisor.token)).map((n) => n.kind)).toEqual([
      'team_briefing',
      'team_briefing',
      'team_briefing',
    ]);
  });

  it('briefs a supervisor far from the team about the team’s week, once, at their own first shift', async () => {
    const db = t.server.ctx.store.db;
    const kiri = await createPerson(t.api, {
      name: 'Kiri Supervisor',
      role: 'supervisor',
      teamIds: [team.teamId],
      timezone: 'Pacific/Auckland',
    });
    const subject = briefingSubject(team.teamId);
    // Monday 13 April 09:30 in Auckland is still Sunday evening in Warsaw: the team's week is the 6th's.
    const mondayInAuckland = '2026-04-12T21:30:00.000Z';
    await deliverWeeklyRecaps({ ...t.server.ctx, clock: () => new Date(mondayInAuckland) }, mondayInAuckland);
    expect((await deliveriesOf(db, kiri.id, subject)).map((d) => d.forWeek)).toEqual(['2026-04-06']);
    // Midnight in Warsaw starts the team's new week; Kiri's shift of it has begun, Sam's (09:00 Warsaw) not.
    const mondayInWarsaw = '2026-04-12T22:30:00.000Z';
    for (let i = 0; i < 2; i++)
      await deliverWeeklyRecaps({ ...t.server.ctx, clock: () => new Date(mondayInWarsaw) }, mondayInWarsaw);
    expect((await deliveriesOf(db, kiri.id, subject)).map((d) => d.forWeek)).toEqual([
      '2026-04-06',
      '2026-04-13',
    ]);
    expect((await deliveriesOf(db, team.supervisor.id, subject)).map((d) => d.forWeek)).not.toContain(
      '2026-04-13',
    );
    const notices = (await feedOf(kiri.token)).map((n) => n.id);
    expect(new Set(notices).size).toBe(2);
  });
});
