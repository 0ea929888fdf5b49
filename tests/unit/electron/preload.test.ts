import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_NAMES, invokeChannel, eventChannel, type SidekickApi } from '../../../shared/ipc';

// The preload's two Electron objects, faked: what it exposes, and an ipcRenderer that records calls.
const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invoked: { channel: string; request: unknown }[] = [];
let nextResponse: unknown;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      invoked.push({ channel, request });
      return nextResponse;
    },
    on: (channel: string, l: (event: unknown, payload: unknown) => void) =>
      void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
    removeListener: (channel: string, l: (event: unknown, payload: unknown) => void) =>
      void listeners.get(channel)?.delete(l),
  },
}));

let api: SidekickApi;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  api = exposed.sidekick as SidekickApi;
});

describe('preload: window.sidekick', () => {
  it('exposes exactly the contract: one method per invoke, one on… per event, nothing generic', () => {
    expect(Object.keys(api).sort()).toEqual(
      [...INVOKE_NAMES, 'onState', 'onCelebration', 'onNavigate', 'onDigest'].sort(),
    );
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('invokes on the derived channel and parses the response with the contract', async () => {
    nextResponse = { key: 'k-1', queued: true };
    await expect(api.thankKudos({ kudosId: 'k-9' })).resolves.toEqual({ key: 'k-1', queued: true });
    expect(invoked.at(-1)).toEqual({ channel: invokeChannel('thankKudos'), request: { kudosId: 'k-9' } });
    nextResponse = { key: 42 };
    await expect(api.thankKudos({ kudosId: 'k-9' })).rejects.toThrow();
  });

  it('listeners get the payload only, never the IPC event, and can unsubscribe', () => {
    const got: unknown[][] = [];
    const off = api.onNavigate((...args: unknown[]) => got.push(args));
    const emit = (payload: unknown) =>
      listeners.get(eventChannel('navigate'))?.forEach((l) => l({ sender: 'secret' }, payload));
    emit({ view: 'kudos', itemId: 'k-1' });
    emit({ view: 'nowhere', itemId: null }); // not in the contract: dropped
    off();
    emit({ view: 'today', itemId: null });
    expect(got).toEqual([[{ view: 'kudos', itemId: 'k-1' }]]);
  });
});
