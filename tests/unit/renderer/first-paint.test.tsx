import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClientState, SidekickApi } from '../../../shared/ipc/contract';
import { App } from '../../../renderer/src/app/App';
import { lazyApi } from '../../../renderer/src/api/lazy-api';
import { surelySignedOut } from '../../../renderer/src/host/session-key';
import { createFakeApi } from './helpers/fake-api';

const signedOut: ClientState = {
  connection: 'signed_out',
  snapshot: null,
  staleSince: null,
  pendingActions: 0,
  lastError: null,
};

/** A host that arrives only when the test says so (the chunk with zod and the sync client still loading). */
function slowHost() {
  let arrive: (api: SidekickApi) => void = () => undefined;
  const loaded = new Promise<SidekickApi>((resolve) => (arrive = resolve));
  return { api: lazyApi(() => loaded), arrive };
}

describe('first paint: the shell draws before the host has answered', () => {
  it('shows the sign-in form of a tab with no session while the host is still loading', async () => {
    const { api } = slowHost();
    render(<App api={api} initialState={signedOut} />);
    expect(await screen.findByRole('form', { name: 'Sign in with a pairing code' })).toBeVisible();
  });

  it('without a known state it waits for the host, then shows what the host says', async () => {
    const { api, arrive } = slowHost();
    render(<App api={api} />);
    expect(screen.getByText('Loading…')).toBeVisible();
    const fake = createFakeApi({ state: { connection: 'signed_out' } });
    await act(async () => arrive(fake.api));
    expect(await screen.findByRole('form', { name: 'Sign in with a pairing code' })).toBeVisible();
  });

  it('attaches listeners added before the host arrived, and forwards calls once it has', async () => {
    const { api, arrive } = slowHost();
    const seen: ClientState[] = [];
    api.onState((s) => seen.push(s));
    const off = api.onState(() => seen.push(signedOut));
    off();
    const state = api.getState();
    const fake = createFakeApi({ state: { connection: 'offline' } });
    arrive(fake.api);
    expect((await state).connection).toBe('offline');
    fake.emitState({ connection: 'online' });
    expect(seen.map((s) => s.connection)).toEqual(['online']);
    expect(fake.raw.getState).toHaveBeenCalledTimes(1);
    // Awaiting the lazy API itself must not wait for anything (it is not a promise).
    expect(
      await Promise.race([
        Promise.resolve(api).then(() => 'api'),
        new Promise((r) => setTimeout(() => r('hung'), 50)),
      ]),
    ).toBe('api');
  });

  it('loads the host only once the shell first uses it when told to wait (a signed-out tab draws first)', async () => {
    const fake = createFakeApi({ state: { connection: 'signed_out' } });
    const load = vi.fn(async () => fake.api);
    const api = lazyApi(load, 'on first use');
    // Reading a member is not using it: the shell and its views hold the API before they call it.
    void api.getState;
    expect(load).not.toHaveBeenCalled();
    render(<App api={api} initialState={signedOut} />);
    expect(await screen.findByRole('form', { name: 'Sign in with a pairing code' })).toBeVisible();
    // The shell's effects (after its first render) subscribe and ask for the state: that starts the one load.
    await act(async () => undefined);
    expect(load).toHaveBeenCalledTimes(1);
    await api.getState();
    expect(load).toHaveBeenCalledTimes(1);
    const eager = vi.fn(async () => fake.api);
    lazyApi(eager);
    expect(eager).toHaveBeenCalledTimes(1);
  });

  it('knows a tab is signed out only when no session is stored', () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null } as unknown as Storage;
    expect(surelySignedOut(fake)).toBe(true);
    storage.set('sidekick.session', '{}');
    expect(surelySignedOut(fake)).toBe(false);
    expect(surelySignedOut(null)).toBe(false);
    const broken = {
      getItem: vi.fn(() => {
        throw new Error('denied');
      }),
    } as unknown as Storage;
    expect(surelySignedOut(broken)).toBe(false);
  });
});
