import { beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannel, INVOKE_NAMES, type InvokeName } from '../../../shared/ipc';
import type { ApiHost } from '../../../shared/sync';

type Handler = (event: unknown, raw: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => void handlers.set(channel, h),
    removeHandler: (channel: string) => void handlers.delete(channel),
  },
}));

const calls: { name: InvokeName; raw: unknown }[] = [];
// Only `invoke` is used by the bridge; it runs the real contract parsing so bad input fails as it would.
const host = {
  invoke: async (name: InvokeName, raw: unknown) => {
    calls.push({ name, raw });
    const { invokeContract } = await import('../../../shared/ipc');
    invokeContract[name][0].parse(raw);
    return { ok: true };
  },
} as unknown as ApiHost;

const appFrame = { senderFrame: { url: 'app://sidekick/index.html', parent: null } };
const evilFrame = { senderFrame: { url: 'https://evil.example/', parent: null } };

let unregister: () => void;
beforeAll(async () => {
  const { registerIpcHandlers } = await import('../../../electron/main/ipc/ipc-main-bridge');
  unregister = registerIpcHandlers(host, null, () => undefined);
});

describe('IPC main bridge', () => {
  it('registers one handler per contract method', () => {
    expect([...handlers.keys()].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
  });

  it('refuses a sender that is not the app page before touching the host', async () => {
    await expect(handlers.get(invokeChannel('signOut'))!(evilFrame, undefined)).rejects.toThrow(
      'This page may not talk to Sidekick.',
    );
    expect(calls).toHaveLength(0);
  });

  it('passes the app page through and turns bad payloads into one readable sentence', async () => {
    await expect(handlers.get(invokeChannel('thankKudos'))!(appFrame, { kudosId: 'k-1' })).resolves.toEqual({
      ok: true,
    });
    await expect(
      handlers.get(invokeChannel('openExternal'))!(appFrame, 'file:///etc/passwd'),
    ).rejects.toThrow(/^input: /);
  });

  it('removes every handler on unregister', () => {
    unregister();
    expect(handlers.size).toBe(0);
  });
});
