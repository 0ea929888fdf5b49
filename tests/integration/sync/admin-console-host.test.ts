import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshdeskTickets } from '../import/helpers/vendor-exports';
import { ADMIN_TOKEN, call, nodeApiHost, seedTeam, startTestServer } from './support';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
let team: Awaited<ReturnType<typeof seedTeam>>;
let adminToken: string;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  const ada = await call<{ id: string }>(server.url, ADMIN_TOKEN, 'POST', '/api/admin/people', {
    name: 'Ada Admin',
    role: 'admin',
  });
  adminToken = (
    await call<{ token: string }>(server.url, ADMIN_TOKEN, 'POST', `/api/admin/people/${ada.id}/tokens`, {})
  ).token;
});
afterAll(async () => {
  await server.dispose();
});

/** The admin console's calls end to end: host → shared/sync → the real server's admin routes, and back. */
describe('the admin console through the API host', () => {
  it('changes a team, lists tokens without secrets, and imports a file as its raw body with the summary', async () => {
    const host = nodeApiHost();
    await host.invoke('signIn', { serverUrl: server.url, token: adminToken });

    const { teams } = await host.invoke('adminListTeams', undefined);
    expect(teams.map((t) => t.name)).toEqual(['Care Crew']);
    const changed = await host.invoke('adminUpdateTeam', {
      id: team.teamId,
      change: { timezone: 'Asia/Tokyo', dailyGoal: { minSatisfied: 2 } },
    });
    expect(changed).toMatchObject({ timezone: 'Asia/Tokyo', dailyGoal: { minSatisfied: 2 } });

    const tokens = await host.invoke('adminListTokens', { id: team.ana.id });
    expect(tokens.tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain(team.ana.token);

    const lines = [...freshdeskTickets(3), 'this is not JSON'];
    const summary = await host.invoke('adminImportHistory', {
      query: { mapping: 'freshdesk', format: 'jsonl' },
      fileName: 'tickets.jsonl',
      content: lines.join('\n'),
    });
    expect(summary.records).toBe(3);
    expect(summary.accepted).toBeGreaterThan(0);
    expect(summary.rejectedCount).toBe(1);
    expect(summary.rejected[0]?.line).toBe(4);
    const again = await host.invoke('adminImportHistory', {
      query: { mapping: 'freshdesk', format: 'jsonl' },
      fileName: 'tickets.jsonl',
      content: lines.join('\n'),
    });
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(summary.accepted);

    const { people } = await host.invoke('adminListPeople', { claimed: 'false' });
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => !p.claimed)).toBe(true);
    host.dispose();
  });

  it('answers an agent’s admin call with the server’s refusal, in a sentence', async () => {
    const host = nodeApiHost();
    await host.invoke('signIn', { serverUrl: server.url, token: team.ana.token });
    await expect(host.invoke('adminListConnections', undefined)).rejects.toThrow(/admin/i);
    host.dispose();
  });
});
