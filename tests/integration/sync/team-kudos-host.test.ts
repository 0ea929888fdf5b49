import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeApiHost, seedTeam, startTestServer, syncClient, waitFor } from './support';

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

describe('team-wide kudos through the API host', () => {
  it("reaches every agent's open companion, and an agent cannot send one", async () => {
    const ana = syncClient(server.url, team.ana.token);
    const ben = syncClient(server.url, team.ben.token);
    await ana.client.start();
    await ben.client.start();
    await waitFor(
      () => ana.client.getState().connection === 'online' && ben.client.getState().connection === 'online',
    );

    const host = nodeApiHost();
    await host.invoke('signIn', { serverUrl: server.url, token: team.supervisor.token });
    const reply = await host.invoke('sendTeamKudos', {
      teamId: team.teamId,
      value: 'Teamwork',
      message: 'The refund backlog is gone. Thank you all.',
      ticketId: null,
      ticketUrl: null,
    });
    expect(reply.kudosIds).toHaveLength(2);
    const got = (c: typeof ana) =>
      c.client
        .getState()
        .snapshot?.kudos.inbox.some((k) => k.message === 'The refund backlog is gone. Thank you all.') ??
      false;
    await waitFor(() => got(ana) && got(ben), 2_000, 'both agents to receive the team kudos');

    const agentHost = nodeApiHost();
    await agentHost.invoke('signIn', { serverUrl: server.url, token: team.ana.token });
    await expect(
      agentHost.invoke('sendTeamKudos', {
        teamId: team.teamId,
        value: 'Teamwork',
        message: 'Go team',
        ticketId: null,
        ticketUrl: null,
      }),
    ).rejects.toThrow();

    host.dispose();
    agentHost.dispose();
    ana.client.stop();
    ben.client.stop();
  });
});
