import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionAck } from '../../../shared/api/actions';
import { PersonPlan, type SavePlanBody } from '../../../shared/api/growth-plans';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, key, standardTeam } from './helpers/fixtures';

/**
 * "Me and my supervisor" names the agent's supervisor: an admin (who manages teams, supervises no one) does not
 * read or check in on such a plan; a teammate reading a team plan sees the plan, never the note the agent and
 * their supervisor agreed at a check-in.
 */
describe.each(DIALECTS)('growth plan privacy ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let admin: { id: string; token: string };
  let adminInTeam: { id: string; token: string };
  const plan = (visibility: SavePlanBody['visibility']): SavePlanBody => ({
    goal: { kind: 'role_here', text: 'Team lead' },
    visibility,
    nextCheckIn: '2026-03-20',
    skills: [{ name: 'Coaching others', evidence: [] }],
  });
  const save = (body: SavePlanBody) =>
    t.api<ActionAck>('POST', apiRoutes.savePlan.path, {
      token: team.ana.token,
      body,
      headers: { 'idempotency-key': key() },
    });
  const read = (token: string) =>
    t.api<unknown>('GET', fillPath(apiRoutes.personPlan.path, { id: team.ana.id }), { token });
  const checkIn = (token: string, note: string) =>
    t.api<unknown>('POST', fillPath(apiRoutes.recordCheckIn.path, { personId: team.ana.id }), {
      token,
      body: { note, nextCheckIn: '2026-03-27' },
    });

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
    admin = await createPerson(t.api, { name: 'Ada Admin', role: 'admin' });
    adminInTeam = await createPerson(t.api, { name: 'Ike Admin', role: 'admin', teamIds: [team.teamId] });
  });
  afterAll(async () => t?.close());

  it('keeps a plan shared with the supervisor from admins, in reading, the team list and check-ins', async () => {
    expect((await save(plan('supervisor'))).status).toBe(apiRoutes.savePlan.status);
    expect((await read(team.supervisor.token)).status).toBe(200);
    expect((await read(admin.token)).status).toBe(403);
    expect((await read(adminInTeam.token)).status).toBe(404);
    const teamPlans = (token: string) =>
      t.api<unknown>('GET', fillPath(apiRoutes.teamPlans.path, { teamId: team.teamId }), { token });
    expect((await teamPlans(team.supervisor.token)).status).toBe(200);
    expect((await teamPlans(admin.token)).status).toBe(403);
    expect((await teamPlans(adminInTeam.token)).status).toBe(403);
    expect((await checkIn(admin.token, 'Not mine to write')).status).toBe(403);
    expect((await checkIn(team.supervisor.token, 'Agreed: lead the Friday huddle')).status).toBe(
      apiRoutes.recordCheckIn.status,
    );
  });

  it('shows a team plan to a teammate without the check-in note', async () => {
    expect((await save(plan('team'))).status).toBe(apiRoutes.savePlan.status);
    expect((await checkIn(team.supervisor.token, 'Work on tone with angry callers')).status).toBe(
      apiRoutes.recordCheckIn.status,
    );
    const own = PersonPlan.parse((await read(team.ana.token)).body);
    expect(own.plan.lastCheckIn?.note).toBe('Work on tone with angry callers');
    const teammate = await read(team.ben.token);
    expect(teammate.status).toBe(200);
    const seen = PersonPlan.parse(teammate.body);
    expect(seen.plan.goal.text).toBe('Team lead');
    expect(seen.plan.lastCheckIn).toBeNull();
    expect(JSON.stringify(teammate.body)).not.toContain('angry callers');
  });
});
