import { describe, expect, it } from 'vitest';
import { electronArgs, runStart, type StartDeps } from '../../../electron/scripts/start/start-plan';

function harness(overrides: Partial<StartDeps> = {}) {
  const calls: string[] = [];
  const out: string[] = [];
  const err: string[] = [];
  let serverClosed!: () => void;
  const deps: StartDeps = {
    ensureElectron: () => (calls.push('electron'), { ok: true, binary: '/e/electron', fetched: false }),
    sandboxBlocker: () => null,
    build: (script) => (calls.push(`build ${script}`), null),
    skipBuild: false,
    startServer: async () => {
      calls.push('server');
      return {
        url: 'http://127.0.0.1:4100',
        agent: { name: 'Ana Silva', token: 'sk_demo_agent_token_0123' },
        closed: new Promise<void>((resolve) => (serverClosed = resolve)),
        stop: () => void calls.push('server stopped'),
      };
    },
    launch: async (binary, args, env) => (
      calls.push(`launch ${binary} ${args.join(' ')} ${env.SIDEKICK_SERVER_URL}`),
      0
    ),
    platform: 'linux',
    env: {},
    appDir: '/app',
    log: (l) => void out.push(l),
    error: (l) => void err.push(l),
    ...overrides,
  };
  return { deps, calls, out, err, closeServer: () => serverClosed() };
}

describe('npm start: the order of things', () => {
  it('fetches Electron, builds, and only then starts the server it serves the build with, then launches', async () => {
    const { deps, calls } = harness();
    await expect(runStart(deps)).resolves.toBe(0);
    expect(calls).toEqual([
      'electron',
      'build build:renderer',
      'build build:electron',
      'server',
      'launch /e/electron /app http://127.0.0.1:4100',
      'server stopped',
    ]);
  });

  it('a failed build stops before any server starts, with the real reason', async () => {
    const { deps, calls, err } = harness({
      build: (script) =>
        script === 'build:renderer' ? 'it could not be started (EINVAL: spawnSync npm.cmd EINVAL)' : null,
    });
    await expect(runStart(deps)).resolves.toBe(1);
    expect(calls).toEqual(['electron']);
    expect(err).toEqual([
      'Building the renderer failed: it could not be started (EINVAL: spawnSync npm.cmd EINVAL).',
    ]);
  });

  it('falls back to the browser only when the fetch failed, saying why in one sentence', async () => {
    const h = harness({
      ensureElectron: () => ({
        ok: false,
        reason:
          'The Electron 45.4.1 binary is not installed and its installer could not download it (it exited with code 1: TypeError: fetch failed)',
      }),
    });
    const done = runStart(h.deps);
    await new Promise((r) => setTimeout(r, 10));
    expect(h.calls).not.toContain('server stopped');
    h.closeServer();
    await expect(done).resolves.toBe(1);
    expect(h.err[0]).toBe(
      '\nThe Electron 45.4.1 binary is not installed and its installer could not download it (it exited with code 1: TypeError: fetch failed), so the desktop app cannot start here.',
    );
    expect(h.err[1]).toContain(
      'open http://127.0.0.1:4100 and sign in as Ana Silva with token sk_demo_agent_token_0123',
    );
    expect(h.calls.some((c) => c.startsWith('launch'))).toBe(false);
  });

  it('does not launch into the AppArmor abort: prints the fix instead', async () => {
    const h = harness({ sandboxBlocker: () => 'FIX' });
    const done = runStart(h.deps);
    await new Promise((r) => setTimeout(r, 10));
    h.closeServer();
    await expect(done).resolves.toBe(1);
    expect(h.err[0]).toBe('\nFIX');
    expect(h.err[1]).toContain("Electron's sandbox is blocked on this system");
  });

  it('passes the XWayland switch in a Wayland session that has XWayland', () => {
    expect(
      electronArgs({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, appDir: '/a' }),
    ).toEqual(['/a', '--ozone-platform=x11']);
    expect(electronArgs({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' }, appDir: '/a' })).toEqual([
      '/a',
    ]);
    expect(
      electronArgs({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, appDir: '/a' }),
    ).toEqual(['/a']);
    expect(
      electronArgs({ platform: 'darwin', env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' }, appDir: '/a' }),
    ).toEqual(['/a']);
  });
});
