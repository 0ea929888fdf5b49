import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeApiHost, seedTeam, startTestServer } from './support';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
let team: Awaited<ReturnType<typeof seedTeam>>;

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(async () => {
  await server.dispose();
});

/**
 * Recognition through the one API host (Electron's main process and the browser host both run it): the calls
 * reach the real server with the route table's paths and come back parsed by its reply schemas.
 */
describe('recognition through the API host', () => {
  it('opts in, reads impact and the board as an agent; tough days are the supervisor’s only', async () => {
    const agent = nodeApiHost();
    await agent.invoke('signIn', { serverUrl: server.url, token: team.ana.token });
    expect(await agent.invoke('getRecognitionSettings', undefined)).toEqual({ boardOptIn: false });
    const closed = await agent.invoke('getImprovementBoard', { teamId: team.teamId });
    expect(closed).toMatchObject({ visible: false, entries: [] });
    expect(await agent.invoke('updateRecognitionSettings', { boardOptIn: true })).toEqual({
      boardOptIn: true,
    });
    expect(await agent.invoke('getRecognitionSettings', undefined)).toEqual({ boardOptIn: true });
    const open = await agent.invoke('getImprovementBoard', { teamId: team.teamId });
    expect(open.visible).toBe(true);
    expect(open.you?.improvement.status).toBe('not_enough_data');
    // A malformed choice is refused before it leaves the host.
    await expect(agent.invoke('updateRecognitionSettings', { boardOptIn: 'yes' } as never)).rejects.toThrow();

    const impact = await agent.invoke('getMyImpact', undefined);
    expect(impact).toEqual({ month: '2026-03', helped: 0, thanked: 0, words: [], turnedAround: [] });
    await expect(agent.invoke('getToughDays', { teamId: team.teamId })).rejects.toThrow();

    const supervisor = nodeApiHost();
    await supervisor.invoke('signIn', { serverUrl: server.url, token: team.supervisor.token });
    expect(await supervisor.invoke('getToughDays', { teamId: team.teamId })).toMatchObject({
      teamId: team.teamId,
      suggestions: [],
    });
    agent.dispose();
    supervisor.dispose();
  });
});
