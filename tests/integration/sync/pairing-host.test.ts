import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeApiHost, seedTeam, startTestServer, waitFor } from './support';

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

/** The path both hosts (Electron's main process over IPC, the browser tab in the page) run for a code. */
describe('pairing a device through the API host', () => {
  it('a supervisor makes a code; a fresh device signs in with it as the agent, and only once', async () => {
    const lead = nodeApiHost();
    await lead.invoke('signIn', { serverUrl: server.url, token: team.supervisor.token });
    const created = await lead.invoke('createPairingCode', { personId: team.ana.id });
    expect(created.personName).toBe('Ana Kowalska');

    const device = nodeApiHost();
    const state = await device.invoke('pairDevice', {
      serverUrl: server.url,
      code: created.code.toLowerCase(),
    });
    expect(state.connection).not.toBe('signed_out');
    await waitFor(
      () => device.getState().snapshot?.person.id === team.ana.id,
      10_000,
      'the agent’s snapshot',
    );

    const second = nodeApiHost();
    await expect(second.invoke('pairDevice', { serverUrl: server.url, code: created.code })).rejects.toThrow(
      'This pairing code was already used',
    );
    expect(second.getState().connection).toBe('signed_out');
    await expect(
      second.invoke('pairDevice', { serverUrl: server.url, code: 'not a code' }),
    ).rejects.toThrow();
    lead.dispose();
    device.dispose();
    second.dispose();
  });

  it('never sends a code to a server address the platform refuses', async () => {
    let sent = 0;
    const host = nodeApiHost({
      serverUrlProblem: () => 'Plain http is allowed only for this computer.',
      onHttp: () => void sent++,
    });
    await expect(
      host.invoke('pairDevice', { serverUrl: 'http://sidekick.example.com', code: 'ABCD-EFGH' }),
    ).rejects.toThrow('Plain http is allowed only for this computer.');
    expect(sent).toBe(0);
    host.dispose();
  });
});
