import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import { ingestEvents } from '../../../server/src/ingest/ingest-service';
import { recomputeAll } from '../../../server/src/engine/recompute';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { standardTeam, ticketStory } from './helpers/fixtures';

/**
 * A deferred (bulk import) batch stores events without moving the stored tallies: everyone they credit must be
 * rebuilt before anything reads their tallies, or a team mission's total (read from every member) is settled
 * from members whose tallies lack the import — settling is one-way.
 */
describe.each(DIALECTS)('team missions after a deferred import ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: '2026-11-08T12:00:00Z' });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('recomputeAll settles the team total of the whole imported history', async () => {
    // Both agents have tallies built (a normal batch each).
    const live = await t.api('POST', '/api/ingest/events', {
      body: {
        events: [
          ...ticketStory('zendesk:101', 'L-A', '2026-11-03T08:00:00Z'),
          ...ticketStory('zendesk:102', 'L-B', '2026-11-03T09:00:00Z'),
        ],
      },
    });
    expect(live.status).toBe(200);
    const window = { start: '2026-11-02T00:00:00+01:00', end: '2026-11-09T00:00:00+01:00' };
    const res = await t.api<{ missionIds: string[] }>('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        teamId: team.teamId,
        spec: { title: 'Team: 5 solves', metric: 'solved', comparator: 'atLeast', target: 5, window },
      },
    });
    expect(res.status).toBe(201);
    // A bulk import of the week (deferred): two more solves each, team total 6.
    const bulk = [
      ...ticketStory('zendesk:101', 'I-A1', '2026-11-04T08:00:00Z'),
      ...ticketStory('zendesk:101', 'I-A2', '2026-11-05T08:00:00Z'),
      ...ticketStory('zendesk:102', 'I-B1', '2026-11-04T09:00:00Z'),
      ...ticketStory('zendesk:102', 'I-B2', '2026-11-05T09:00:00Z'),
    ];
    expect((await ingestEvents(t.server.ctx, bulk, { deferRefresh: true })).rejected).toEqual([]);
    // The recompute runs after the window closed.
    const later = { ...t.server.ctx, clock: () => new Date('2026-11-10T12:00:00Z') };
    await recomputeAll(later);
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ana.token });
    const m = state.body.missions.find((v) => v.mission.title === 'Team: 5 solves');
    expect({ status: m?.mission.status, value: m?.progress.value }).toEqual({
      status: 'completed',
      value: 6,
    });
    const ben = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token });
    const hers = ben.body.missions.find((v) => v.mission.title === 'Team: 5 solves');
    expect({ status: hers?.mission.status, value: hers?.progress.value }).toEqual({
      status: 'completed',
      value: 6,
    });
  });

  it('a live batch before the recompute reads the imported events of every member', async () => {
    const window = { start: '2026-11-09T00:00:00+01:00', end: '2026-11-16T00:00:00+01:00' };
    const res = await t.api('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        teamId: team.teamId,
        spec: { title: 'Team: 4 solves', metric: 'solved', comparator: 'atLeast', target: 4, window },
      },
    });
    expect(res.status).toBe(201);
    const bulk = [
      ...ticketStory('zendesk:102', 'J-B1', '2026-11-09T09:00:00Z'),
      ...ticketStory('zendesk:102', 'J-B2', '2026-11-09T10:00:00Z'),
      ...ticketStory('zendesk:101', 'J-A1', '2026-11-09T11:00:00Z'),
    ];
    expect((await ingestEvents(t.server.ctx, bulk, { deferRefresh: true })).rejected).toEqual([]);
    // No recompute yet: Ana's next live solve refreshes the team mission from all members' tallies.
    const live = await t.api('POST', '/api/ingest/events', {
      body: { events: ticketStory('zendesk:101', 'J-A2', '2026-11-09T12:00:00Z') },
    });
    expect(live.status).toBe(200);
    const state = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ana.token });
    const m = state.body.missions.find((v) => v.mission.title === 'Team: 4 solves');
    expect({ status: m?.mission.status, value: m?.progress.value }).toEqual({
      status: 'completed',
      value: 4,
    });
  });
});
