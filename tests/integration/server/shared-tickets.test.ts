import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import type { Snapshot } from '../../../shared/api/snapshot';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, standardTeam, type Person } from './helpers/fixtures';

// TEST_NOW is Wednesday 11 March 2026, 12:00 UTC; the work below happens that morning.
const at = (hhmm: string, day = '2026-03-11') => `${day}T${hhmm}:00.000Z`;
const ev = (
  type: string,
  ticketId: string,
  id: string,
  time: string,
  extra: Record<string, unknown> = {},
) => ({
  type,
  source: 'zendesk',
  externalId: `${ticketId}:${id}`,
  ticketId,
  at: at(time),
  ...extra,
});
const reply = (ticketId: string, id: string, agent: string, time: string, isPublic = true) =>
  ev('agent_replied', ticketId, id, time, { agent, public: isPublic });

/**
 * Three tickets touched by two or three agents each (Ana 101, Ben 102, Carl 103):
 * - T1, a transfer: Ben answers first (10 min), the ticket moves to Ana, who replies and solves it;
 * - T2, a collision: assigned to Ana, Carl answers first (5 min), Ana a minute later, Ana solves;
 * - T3, a reply after reassignment: assigned to Carl, Ben leaves a private note, it moves to Ana before anyone
 *   answered, Ana's reply (40 min) is the first public one, then Ben (now assigned) replies and solves;
 * - T0, solved by Ana on Monday, reopened by the customer this morning (counts against Ana).
 */
const EVENTS = [
  ev('ticket_created', 'T1', 'c', '06:00', { channel: 'email' }),
  ev('ticket_assigned', 'T1', 'a1', '06:01', { agent: 'zendesk:102' }),
  reply('T1', 'r1', 'zendesk:102', '06:10'),
  ev('ticket_assigned', 'T1', 'a2', '06:30', { agent: 'zendesk:101' }),
  reply('T1', 'r2', 'zendesk:101', '06:50'),
  ev('ticket_solved', 'T1', 's', '07:00', { agent: 'zendesk:101' }),
  ev('ticket_created', 'T2', 'c', '07:00', { channel: 'email' }),
  ev('ticket_assigned', 'T2', 'a1', '07:01', { agent: 'zendesk:101' }),
  reply('T2', 'r1', 'zendesk:103', '07:05'),
  reply('T2', 'r2', 'zendesk:101', '07:06'),
  ev('ticket_solved', 'T2', 's', '07:30', { agent: 'zendesk:101' }),
  ev('ticket_created', 'T3', 'c', '08:00', { channel: 'email' }),
  ev('ticket_assigned', 'T3', 'a1', '08:01', { agent: 'zendesk:103' }),
  reply('T3', 'n1', 'zendesk:102', '08:10', false),
  ev('ticket_assigned', 'T3', 'a2', '08:20', { agent: 'zendesk:101' }),
  reply('T3', 'r1', 'zendesk:101', '08:40'),
  ev('ticket_assigned', 'T3', 'a3', '09:00', { agent: 'zendesk:102' }),
  reply('T3', 'r2', 'zendesk:102', '09:10'),
  ev('ticket_solved', 'T3', 's', '09:30', { agent: 'zendesk:102' }),
  { ...ev('ticket_created', 'T0', 'c', '08:00'), at: at('08:00', '2026-03-09') },
  { ...reply('T0', 'r1', 'zendesk:101', '08:00'), at: at('08:20', '2026-03-09') },
  { ...ev('ticket_solved', 'T0', 's', '08:00', { agent: 'zendesk:101' }), at: at('09:00', '2026-03-09') },
  ev('ticket_reopened', 'T0', 'o', '10:00'),
];

const TODAY = `?from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('12:00'))}`;

describe.each(DIALECTS)('metrics on tickets several agents touched ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let carl: Person;
  let before: string;

  const frtMission = async (agent: Person, title: string) => {
    const res = await t.api<{ missionIds: string[] }>('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        agentIds: [agent.id],
        spec: {
          title,
          metric: 'frtAvgMinutes',
          comparator: 'atMost',
          target: 30,
          minSample: 1,
          window: { start: at('00:00'), end: '2026-03-14T00:00:00.000Z' },
        },
      },
    });
    expect(res.status).toBe(201);
    return res.body.missionIds[0]!;
  };
  const missionValue = async (agent: Person, id: string) =>
    (await t.api<Snapshot>('GET', '/api/me/state', { token: agent.token })).body.missions.find(
      (m) => m.mission.id === id,
    )?.progress;
  const metrics = async (agent: Person) =>
    (
      await t.api<AgentMetrics>('GET', `/api/people/${agent.id}/metrics${TODAY}`, {
        token: team.supervisor.token,
      })
    ).body;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
    carl = await createPerson(t.api, {
      name: 'Carl Agent',
      teamIds: [team.teamId],
      handles: ['zendesk:103'],
    });
    // Assigned before the work arrives: refreshed by the ingest batch (its prefetched events).
    before = await frtMission(team.ana, 'Ana: first replies within 30 minutes');
    const res = await t.api('POST', '/api/ingest/events', { body: { events: EVENTS } });
    expect(res.status).toBe(200);
  });
  afterAll(async () => t?.close());

  // One first reply each is below the metric's minimum sample (5), so the value itself reads "not enough data";
  // the sample says whose first replies were counted.
  it('credits each first reply to the agent who really replied first (metrics route)', async () => {
    const ana = await metrics(team.ana);
    expect(ana.frtAvgMinutes).toMatchObject({ sample: 1 });
    expect(ana.solved.value).toBe(2);
    expect(ana.reopened.value).toBe(1);
    const ben = await metrics(team.ben);
    expect(ben.frtAvgMinutes).toMatchObject({ sample: 1 });
    expect(ben.solved.value).toBe(1);
    const c = await metrics(carl);
    expect(c.frtAvgMinutes).toMatchObject({ sample: 1 });
    expect(c.solved.value).toBe(0);
  });

  it('gives missions the same numbers, refreshed by ingest or assigned afterwards', async () => {
    expect(await missionValue(team.ana, before)).toMatchObject({ sample: 1 });
    const after = await frtMission(team.ana, 'Ana: first replies, again');
    expect(await missionValue(team.ana, after)).toMatchObject({ sample: 1 });
    const ben = await frtMission(team.ben, 'Ben: first replies within 30 minutes');
    expect(await missionValue(team.ben, ben)).toMatchObject({ sample: 1 });
  });
});
