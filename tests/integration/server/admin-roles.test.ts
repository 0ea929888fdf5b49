import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { standardTeam } from './helpers/fixtures';

describe.each(DIALECTS)('admin API and roles ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  it('creates teams and people with handles, schedules and absences, and finds people by handle', async () => {
    const created = await t.api<{
      id: string;
      schedule: unknown;
      effectiveSchedule: Record<string, unknown>;
      absences: unknown[];
    }>('POST', '/api/admin/people', {
      body: {
        name: 'Nina Nights',
        role: 'agent',
        teamIds: [team.teamId],
        timezone: 'America/Chicago',
        handles: ['freshdesk:77'],
        schedule: { '1': { start: '22:00', end: '06:00' } },
        absences: [{ date: '2026-11-02', kind: 'sick' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.effectiveSchedule).toEqual({ '1': { start: '22:00', end: '06:00' } });
    expect(created.body.absences).toHaveLength(1);
    const found = await t.api<{ people: { id: string; claimed: boolean }[] }>(
      'GET',
      '/api/admin/people?handle=freshdesk:77',
    );
    expect(found.body.people.map((p) => p.id)).toEqual([created.body.id]);
    const byEmail = await t.api<{ people: { id: string; effectiveSchedule: Record<string, unknown> }[] }>(
      'GET',
      '/api/admin/people?handle=email:Ana@Example.COM',
    );
    expect(byEmail.body.people[0]?.id).toBe(team.ana.id);
    // Ana follows the team's Mon–Fri schedule.
    expect(Object.keys(byEmail.body.people[0]?.effectiveSchedule ?? {})).toEqual(['1', '2', '3', '4', '5']);
  });

  it('lists teams and reads one person', async () => {
    const teams = await t.api<{ teams: { id: string; name: string }[] }>('GET', '/api/admin/teams');
    expect(teams.body.teams.map((x) => x.name).sort()).toEqual(['Care Crew', 'Night Owls']);
    const one = await t.api<{ id: string; name: string; handles: string[] }>(
      'GET',
      `/api/admin/people/${team.ana.id}`,
    );
    expect(one.body).toMatchObject({
      id: team.ana.id,
      name: 'Ana Agent',
      handles: ['email:ana@example.com', 'zendesk:101'],
    });
    expect((await t.api('GET', '/api/admin/people/nobody')).status).toBe(404);
  });

  it('updates schedules and absences and claims people', async () => {
    const res = await t.api<{ absences: unknown[]; schedule: unknown }>(
      'PATCH',
      `/api/admin/people/${team.ben.id}`,
      {
        body: {
          absences: [{ date: '2026-11-10', kind: 'leave' }],
          schedule: { '6': { start: '10:00', end: '14:00' } },
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.absences).toEqual([{ date: '2026-11-10', kind: 'leave' }]);
    expect(res.body.schedule).toEqual({ '6': { start: '10:00', end: '14:00' } });
  });

  it('refuses a handle that already belongs to someone else', async () => {
    const res = await t.api('POST', '/api/admin/people', {
      body: { name: 'Dup', role: 'agent', handles: ['zendesk:101'] },
    });
    expect(res.status).toBe(409);
  });

  it('answers a bad body with 400, the path and the reason, and stores nothing', async () => {
    const before = await t.api<{ people: unknown[] }>('GET', '/api/admin/people');
    const res = await t.api<{ error: string; issues: { path: string; message: string }[] }>(
      'POST',
      '/api/admin/people',
      { body: { name: 'X', role: 'boss' } },
    );
    expect(res.status).toBe(400);
    expect(res.body.issues.some((i) => i.path === 'role')).toBe(true);
    const tz = await t.api('POST', '/api/admin/teams', { body: { name: 'Bad', timezone: 'Mars/Olympus' } });
    expect(tz.status).toBe(400);
    const after = await t.api<{ people: unknown[] }>('GET', '/api/admin/people');
    expect(after.body.people.length).toBe(before.body.people.length);
  });

  it('answers oversized bodies with 413', async () => {
    const res = await t.api('POST', '/api/admin/teams', {
      raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), timezone: 'UTC' }),
    });
    expect(res.status).toBe(413);
  });

  it('issues tokens that are shown once and stored hashed, and revokes them', async () => {
    const tok = await t.api<{ token: string; id: string }>(
      'POST',
      `/api/admin/people/${team.ana.id}/tokens`,
      { body: { label: 'laptop' } },
    );
    expect(tok.status).toBe(201);
    expect(tok.body.token).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const stored = await t.server.ctx.store.db.selectFrom('tokens').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === tok.body.token)).toBe(false);
    expect((await t.api('GET', '/api/me/state', { token: tok.body.token })).status).toBe(200);
    expect((await t.api('DELETE', `/api/admin/tokens/${tok.body.id}`)).status).toBe(204);
    expect((await t.api('GET', '/api/me/state', { token: tok.body.token })).status).toBe(401);
  });

  it('enforces roles: no token 401, wrong token 401, agent on admin or supervisor routes 403', async () => {
    expect((await t.api('GET', '/api/admin/people', { token: null })).status).toBe(401);
    expect((await t.api('GET', '/api/admin/people', { token: 'sk_wrong' })).status).toBe(401);
    expect((await t.api('GET', '/api/me/state', { token: null })).status).toBe(401);
    expect((await t.api('GET', '/api/admin/people', { token: team.ana.token })).status).toBe(403);
    expect(
      (
        await t.api('POST', '/api/admin/teams', {
          token: team.supervisor.token,
          body: { name: 'x', timezone: 'UTC' },
        })
      ).status,
    ).toBe(403);
    expect((await t.api('GET', `/api/teams/${team.teamId}/overview`, { token: team.ana.token })).status).toBe(
      403,
    );
    expect(
      (await t.api('GET', `/api/teams/${team.teamId}/overview`, { token: team.otherSupervisor.token }))
        .status,
    ).toBe(403);
  });

  it('lets the agent, their supervisor and admins read metrics, and nobody else', async () => {
    const q = '?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z';
    expect(
      (await t.api('GET', `/api/people/${team.ana.id}/metrics${q}`, { token: team.ana.token })).status,
    ).toBe(200);
    expect(
      (await t.api('GET', `/api/people/${team.ana.id}/metrics${q}`, { token: team.supervisor.token })).status,
    ).toBe(200);
    expect((await t.api('GET', `/api/people/${team.ana.id}/metrics${q}`)).status).toBe(200);
    expect(
      (await t.api('GET', `/api/people/${team.ana.id}/metrics${q}`, { token: team.ben.token })).status,
    ).toBe(403);
    expect(
      (await t.api('GET', `/api/people/${team.ana.id}/metrics${q}`, { token: team.otherSupervisor.token }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.api('GET', `/api/people/${team.ana.id}/metrics?from=nope&to=2026-11-08T00:00:00Z`, {
          token: team.ana.token,
        })
      ).status,
    ).toBe(400);
  });

  it('serves /healthz to anyone and Prometheus /metrics to an admin only', async () => {
    const health = await t.api<{ ok: boolean; database: string }>('GET', '/healthz', { token: null });
    expect(health.body).toEqual({ ok: true, database: dialect.name, status: 'up' });
    expect((await t.api('GET', '/metrics', { token: null })).status).toBe(401);
    expect((await t.api('GET', '/metrics', { token: team.supervisor.token })).status).toBe(403);
    const metrics = await t.api<string>('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('sidekick_http_requests_total');
  });

  it('sends strict security headers on every response', async () => {
    const res = await fetch(`${t.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
