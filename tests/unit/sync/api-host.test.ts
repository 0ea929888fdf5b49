import { afterEach, describe, expect, it } from 'vitest';
import { createApiHost, createSyncClient, type ApiHost, type Session } from '../../../shared/sync';
import { fillPath } from '../../../shared/api/routes';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc';
import { FakeClock, FakeServer, fakeDeps, settle } from './fakes';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';
import { agentSnapshot, celebrationEntry } from './fixtures';

const hosts: ApiHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

function setup() {
  const server = new FakeServer(agentSnapshot());
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  let saved: Session | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  const opened: string[] = [];
  const host = createApiHost({
    createClient: (session) => createSyncClient(fakeDeps(server, clock, storage), session),
    http: fakeDeps(server, clock, storage).http,
    sessions: {
      load: async () => saved,
      save: async (s) => void (saved = s),
      clear: async () => void (saved = null),
    },
    settings: { load: async () => settings, save: async (s) => void (settings = s) },
    platform: {
      openExternal: async (url) => void opened.push(url),
      saveFile: async () => ({ saved: true }),
      closePopover: async () => undefined,
      capabilities: { startAtLogin: false },
    },
  });
  hosts.push(host);
  return { server, storage, host, opened, session: () => saved };
}

describe('api host', () => {
  it('signs in only with a token the server accepts, and keeps the session', async () => {
    const { server, host, session } = setup();
    await expect(
      host.invoke('signIn', {
        serverUrl: 'https://sidekick.example.com',
        token: 'sk_wrong_token_0000000000',
      }),
    ).rejects.toThrow('Unknown token.');
    expect(session()).toBeNull();
    const state = await host.invoke('signIn', {
      serverUrl: 'https://sidekick.example.com',
      token: server.token,
    });
    expect(state.snapshot?.person.name).toBe('Ana Kowalska');
    expect(session()?.token).toBe(server.token);
  });

  it('rejects a malformed request before it reaches a handler', async () => {
    const { host } = setup();
    await expect(
      host.invoke('signIn', { serverUrl: 'file:///etc/passwd', token: 'sk_test_token_0123456789' }),
    ).rejects.toThrow();
    await expect(host.invoke('openExternal', 'javascript:alert(1)')).rejects.toThrow();
  });

  it('queues actions through the sync client and refuses them when signed out', async () => {
    const { server, host } = setup();
    await expect(host.invoke('thankKudos', { kudosId: 'k-1' })).rejects.toThrow('Sign in first');
    await host.invoke('signIn', { serverUrl: 'https://sidekick.example.com', token: server.token });
    await settle();
    const receipt = await host.invoke('thankKudos', { kudosId: 'k-1' });
    expect(server.acceptedKeys.get(receipt.key)).toEqual({ kudosId: 'k-1' });
  });

  it('answers a consultation through the contract like any agent action: parsed, queued, sent once', async () => {
    const { server, host } = setup();
    await host.invoke('signIn', { serverUrl: 'https://sidekick.example.com', token: server.token });
    await settle();
    await expect(host.invoke('answerConsultation', { consultationId: 'q-1', optionId: 5 })).rejects.toThrow();
    const receipt = await host.invoke('answerConsultation', { consultationId: 'q-1', optionId: 'o2' });
    // Defaults are filled in by the contract's schema before the action is queued.
    expect(server.acceptedKeys.get(receipt.key)).toEqual({ consultationId: 'q-1', optionId: 'o2', text: '' });
  });

  it('signing out wipes the stored state and the session', async () => {
    const { server, host, storage, session } = setup();
    await host.invoke('signIn', { serverUrl: 'https://sidekick.example.com', token: server.token });
    await settle();
    expect(storage.data.size).toBeGreaterThan(0);
    await host.invoke('signOut', undefined);
    expect(storage.data.size).toBe(0);
    expect(session()).toBeNull();
    expect(host.getState().connection).toBe('signed_out');
  });

  it('merges settings patches and validates the result', async () => {
    const { host } = setup();
    const next = await host.invoke('updateSettings', { focusMode: true });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, focusMode: true });
    await expect(host.invoke('updateSettings', { maxPopupsPerHour: 1000 })).rejects.toThrow();
  });

  it('forwards every celebration, opted out or not: the renderer policy applies opt-outs', async () => {
    const { server, host } = setup();
    const seen: string[] = [];
    host.onCelebration((c) => seen.push(c.id));
    await host.invoke('signIn', { serverUrl: 'https://sidekick.example.com', token: server.token });
    await settle();
    server.publish(celebrationEntry(1));
    await settle();
    await host.invoke('updateSettings', { optOut: { ...DEFAULT_SETTINGS.optOut, celebrations: true } });
    server.publish(celebrationEntry(2));
    await settle();
    expect(seen).toEqual(['c-1', 'c-2']);
  });

  it('encodes path parameters so an id cannot add segments', () => {
    expect(fillPath('/api/teams/:teamId/overview', { teamId: '../admin' })).toBe(
      '/api/teams/..%2Fadmin/overview',
    );
    expect(() => fillPath('/api/teams/:teamId/overview', {})).toThrow('teamId');
  });
});
