import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { FeedPage } from '../../../shared/api/feed';
import type { IngestResult } from '../../../shared/api/ingest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, standardTeam, ticketStory } from './helpers/fixtures';

const WEEK = '?from=2026-11-02T00:00:00Z&to=2026-11-09T00:00:00Z';

describe.each(DIALECTS)('helpdesk ingest ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: '2026-11-06T12:00:00Z' });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('stores the good events of a batch, names the bad ones by index, and counts duplicates', async () => {
    const good = ticketStory('zendesk:101', 'T-1', '2026-11-03T09:00:00Z', { frtMinutes: 20 });
    const res = await t.api<IngestResult>('POST', '/api/ingest/events', {
      body: {
        events: [
          good[0],
          {
            type: 'ticket_solved',
            source: 'zendesk',
            externalId: 'x',
            ticketId: 'T-9',
            at: 'yesterday',
            agent: 'zendesk:101',
          },
          ...good.slice(1),
          { nope: true },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(5);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.rejected.map((r) => r.index)).toEqual([1, 6]);
    expect(res.body.rejected[0]?.error).toContain('at');
    const again = await t.api<IngestResult>('POST', '/api/ingest/events', { body: { events: good } });
    expect(again.body).toEqual({ accepted: 0, duplicates: 5, rejected: [] });
    const count = await t.server.ctx.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it('computes metrics from ingested events, whatever their order', async () => {
    const later = [2, 3, 4].flatMap((i) =>
      ticketStory('zendesk:101', `T-${i + 1}`, `2026-11-0${i + 1}T10:00:00Z`, { frtMinutes: 10 * i }),
    );
    // Newest first, and the ticket_created events last: arrival order must not matter.
    const shuffled = [
      ...later.filter((e) => e.type !== 'ticket_created').reverse(),
      ...later.filter((e) => e.type === 'ticket_created'),
    ];
    expect(
      (await t.api<IngestResult>('POST', '/api/ingest/events', { body: { events: shuffled } })).body.accepted,
    ).toBe(15);
    const m = await t.api<AgentMetrics>('GET', `/api/people/${team.ana.id}/metrics${WEEK}`, {
      token: team.ana.token,
    });
    expect(m.status).toBe(200);
    expect(m.body.solved.value).toBe(4);
    // FRTs 20, 20, 30, 40 minutes: fewer than the minimum sample of 5, so "not enough data", never a number.
    expect(m.body.frtAvgMinutes).toEqual({ value: null, sample: 4, reason: 'not_enough_data' });
    const more = ticketStory('zendesk:101', 'T-6', '2026-11-05T13:00:00Z', { frtMinutes: 40 });
    await t.api('POST', '/api/ingest/events', { body: { events: more } });
    const m2 = await t.api<AgentMetrics>('GET', `/api/people/${team.ana.id}/metrics${WEEK}`, {
      token: team.supervisor.token,
    });
    expect(m2.body.frtAvgMinutes.value).toBe(30);
    expect(m2.body.frtMedianMinutes.value).toBe(30);
    expect(m2.body.csatPct.value).toBe(100);
    expect(m2.body.solved.value).toBe(5);
    expect(m2.body.frtAvgMinutes.sample).toBe(5);
  });

  it('creates an unclaimed person for an unknown handle, and merging moves their events', async () => {
    await t.api('POST', '/api/ingest/events', {
      body: { events: ticketStory('zendesk:555', 'U-1', '2026-11-04T09:00:00Z') },
    });
    const unclaimed = await t.api<{
      people: { id: string; name: string; claimed: boolean; handles: string[] }[];
    }>('GET', '/api/admin/people?claimed=false');
    const ghost = unclaimed.body.people.find((p) => p.handles.includes('zendesk:555'));
    expect(ghost).toMatchObject({ claimed: false, name: 'zendesk:555' });
    const real = await createPerson(t.api, { name: 'Rita Real', teamIds: [team.teamId] });
    const merged = await t.api<{ handles: string[] }>('POST', `/api/admin/people/${ghost?.id}/merge`, {
      body: { intoPersonId: real.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.handles).toContain('zendesk:555');
    const m = await t.api<AgentMetrics>('GET', `/api/people/${real.id}/metrics${WEEK}`, {
      token: real.token,
    });
    expect(m.body.solved.value).toBe(1);
  });

  it('turns a happy customer comment into customer kudos on the agent’s feed', async () => {
    const story = ticketStory('zendesk:102', 'K-1', '2026-11-05T08:00:00Z', {
      comment: 'Ben was so patient and kind, thank you!',
    });
    await t.api('POST', '/api/ingest/events', { body: { events: story } });
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token });
    const kudos = state.body.kudos.inbox.find((k) => k.kind === 'customer');
    expect(kudos?.customerQuote).toBe('Ben was so patient and kind, thank you!');
    const feed = await t.api<FeedPage>('GET', '/api/me/feed?after=0&limit=100', { token: team.ben.token });
    expect(feed.body.entries.some((e) => e.type === 'kudos.upserted')).toBe(true);
    expect(feed.body.entries.some((e) => e.type === 'celebration' && e.payload.kind === 'kudos')).toBe(true);
    // Replaying the rating changes nothing.
    await t.api('POST', '/api/ingest/events', { body: { events: story } });
    const again = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token });
    expect(again.body.kudos.inbox.filter((k) => k.kind === 'customer')).toHaveLength(1);
    expect(again.body.cursor).toBe(state.body.cursor);
  });

  it('accepts an ingest token on ingest only, and refuses agents', async () => {
    const tok = await t.api<{ token: string }>('POST', `/api/admin/people/${team.supervisor.id}/tokens`, {
      body: { kind: 'ingest', label: 'zendesk bridge' },
    });
    const ev = ticketStory('zendesk:102', 'I-1', '2026-11-05T09:00:00Z').slice(0, 1);
    expect(
      (await t.api('POST', '/api/ingest/events', { token: tok.body.token, body: { events: ev } })).status,
    ).toBe(200);
    expect((await t.api('GET', '/api/me/state', { token: tok.body.token })).status).toBe(403);
    expect(
      (await t.api('POST', '/api/ingest/events', { token: team.ana.token, body: { events: ev } })).status,
    ).toBe(403);
    expect((await t.api('POST', '/api/ingest/events', { token: null, body: { events: ev } })).status).toBe(
      401,
    );
    const bad = await t.api<{ issues: { path: string }[] }>('POST', '/api/ingest/events', {
      body: { events: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]?.path).toBe('events');
  });

  it('moves a count mission as events arrive and celebrates its completion', async () => {
    const assigned = await t.api<{ missionIds: string[] }>('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        agentIds: [team.ben.id],
        spec: {
          title: 'Solve 3 this week',
          metric: 'solved',
          comparator: 'atLeast',
          target: 3,
          window: { start: '2026-11-02T00:00:00+01:00', end: '2026-11-09T00:00:00+01:00' },
        },
      },
    });
    expect(assigned.status).toBe(201);
    const before = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token });
    const mission = before.body.missions.find((m) => m.mission.id === assigned.body.missionIds[0]);
    expect(mission?.progress.value).toBe(1);
    await t.api('POST', '/api/ingest/events', {
      body: {
        events: [
          ...ticketStory('zendesk:102', 'M-1', '2026-11-06T08:00:00Z'),
          ...ticketStory('zendesk:102', 'M-2', '2026-11-06T09:00:00Z'),
        ],
      },
    });
    const after = await t.api<FeedPage>('GET', `/api/me/feed?after=${before.body.cursor}&limit=100`, {
      token: team.ben.token,
    });
    const done = after.body.entries.find(
      (e) => e.type === 'mission.upserted' && e.payload.mission.status === 'completed',
    );
    expect(done).toBeDefined();
    expect(
      after.body.entries.some((e) => e.type === 'celebration' && e.payload.kind === 'mission_completed'),
    ).toBe(true);
    expect(
      after.body.entries.some((e) => e.type === 'timeline.added' && e.payload.kind === 'mission_completed'),
    ).toBe(true);
    expect(after.body.entries.some((e) => e.type === 'growth.updated')).toBe(true);
    // Seqs are contiguous per person.
    const seqs = after.body.entries.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => before.body.cursor + 1 + i));
  });

  it('tracks a team mission on the team total, and one member’s solve moves every member’s row', async () => {
    const window = { start: '2026-11-02T00:00:00+01:00', end: '2026-11-09T00:00:00+01:00' };
    const res = await t.api<{ missionIds: string[] }>('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        teamId: team.teamId,
        spec: { title: 'Team: 100 solves', metric: 'solved', comparator: 'atLeast', target: 100, window },
      },
    });
    expect(res.status).toBe(201);
    const totalOf = async (token: string) =>
      (await t.api<Snapshot>('GET', '/api/me/state', { token })).body.missions.find(
        (m) => m.mission.title === 'Team: 100 solves',
      );
    const anaBefore = await totalOf(team.ana.token);
    const benBefore = await totalOf(team.ben.token);
    expect(anaBefore?.mission.scope).toBe('team');
    // Ana and Ben have both solved tickets this week: the team total is more than either alone.
    const anaOwn = await t.api<AgentMetrics>('GET', `/api/people/${team.ana.id}/metrics${WEEK}`, {
      token: team.ana.token,
    });
    expect(anaBefore?.progress.value).toBeGreaterThan(anaOwn.body.solved.value ?? 0);
    expect(benBefore?.progress.value).toBe(anaBefore?.progress.value);
    await t.api('POST', '/api/ingest/events', {
      body: { events: ticketStory('zendesk:102', 'TM-1', '2026-11-06T10:00:00Z') },
    });
    expect((await totalOf(team.ana.token))?.progress.value).toBe((anaBefore?.progress.value ?? 0) + 1);
    expect((await totalOf(team.ben.token))?.progress.value).toBe((anaBefore?.progress.value ?? 0) + 1);
  });
});
