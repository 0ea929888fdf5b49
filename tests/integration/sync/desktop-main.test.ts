import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannel, type ClientState } from '../../../shared/ipc';
import { rmSync } from 'node:fs';
import { configureFakeApp, dialog, makeFakeAppFolder, recorded } from './fake-electron';
import { call, seedTeam, startTestServer, waitFor } from './support';

// The real composition root, with Electron, electron-store and electron-updater replaced by small fakes.
vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', () => import('./fake-electron-store'));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

const appPath = makeFakeAppFolder();
let server: Awaited<ReturnType<typeof startTestServer>>;
let team: Awaited<ReturnType<typeof seedTeam>>;
const appFrame = { senderFrame: { url: 'app://sidekick/index.html', parent: null } };
const invoke = (name: Parameters<typeof invokeChannel>[0], raw?: unknown, event: unknown = appFrame) =>
  recorded.handlers.get(invokeChannel(name))!(event, raw);

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  process.env.SIDEKICK_SERVER_URL = server.url;
  process.env.SIDEKICK_TOKEN = team.ana.token;
  configureFakeApp({ appPath, isPackaged: false });
  const { bootstrap } = await import('../../../electron/main/composition-root');
  await bootstrap({
    integration: { protocolClient: false, appUserModelId: null, loginItem: false, notes: [] },
    displayServer: 'x11',
  });
});
afterAll(async () => {
  await invoke('signOut').catch(() => undefined);
  delete process.env.SIDEKICK_SERVER_URL;
  delete process.env.SIDEKICK_TOKEN;
  await server.dispose();
  rmSync(appPath, { recursive: true, force: true });
});

describe('the Electron main process, wired to the real server (Electron faked)', () => {
  it('signs in from the environment, goes online and serves state over IPC to the app page only', async () => {
    await waitFor(
      () => recorded.tooltip.startsWith('Sidekick:') && recorded.tooltip !== 'Sidekick: not signed in',
      10_000,
      'the tray tooltip',
    );
    const state = (await invoke('getState')) as ClientState;
    expect(state.snapshot?.person.name).toBe('Ana Kowalska');
    expect(recorded.loadedUrl).toBe('app://sidekick/index.html');
    await expect(
      invoke('getState', undefined, { senderFrame: { url: 'https://evil.example/', parent: null } }),
    ).rejects.toThrow();
  });

  it('pops up a kudos from the supervisor as a native notification as soon as it commits', async () => {
    const lastState = () =>
      recorded.sent.filter((s) => s.channel === 'sidekick:event:state').at(-1)?.payload as
        ClientState | undefined;
    await waitFor(() => lastState()?.connection === 'online', 10_000, 'online');
    await call(server.url, team.supervisor.token, 'POST', '/api/me/kudos', {
      toPersonId: team.ana.id,
      value: 'Empathy',
      message: 'Stayed calm with a furious caller',
      ticketId: null,
      ticketUrl: null,
    });
    await waitFor(
      () => recorded.notifications.some((n) => n.body === 'Stayed calm with a furious caller'),
      5_000,
      'the notification',
    );
    const shown = recorded.notifications.find((n) => n.body === 'Stayed calm with a furious caller')!;
    expect(shown.title).toBe('Sam Lead appreciated your empathy');
  });

  it('serves the renderer through app:// with the CSP, and nothing outside it', async () => {
    const handler = recorded.protocolHandler!;
    const page = await handler({ url: 'app://sidekick/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await handler({ url: 'app://sidekick/..%2fpackage.json' })).status).toBe(404);
    expect((await handler({ url: 'app://sidekick/assets/missing.js' })).status).toBe(404);
  });

  it('refuses to send the token to a plain http:// server that is not this computer', async () => {
    await expect(
      invoke('signIn', { serverUrl: 'http://sidekick.example.com', token: team.ana.token }),
    ).rejects.toThrow('Sidekick only signs in to sidekick.example.com over https://');
    expect(((await invoke('getState')) as ClientState).snapshot?.person.name).toBe('Ana Kowalska');
  });

  it('closing the popover (Alt+F4, ⌘W) hides it, and the next tray click opens it again', () => {
    const [window] = recorded.windows;
    const [tray] = recorded.trays;
    // Signing in from the environment opened it.
    expect(window!.isVisible()).toBe(true);
    window!.close();
    expect(window!.destroyed).toBe(false);
    expect(window!.isVisible()).toBe(false);
    tray!.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 }, { x: 1700, y: 1060 });
    expect(window!.isVisible()).toBe(true);
  });

  it('reloads the popover when its renderer crashes', () => {
    recorded.loadedUrl = '';
    recorded.windows[0]!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(recorded.loadedUrl).toBe('app://sidekick/index.html');
    recorded.loadedUrl = '';
    recorded.windows[0]!.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(recorded.loadedUrl).toBe('');
  });

  it('the save dialog does not hide the popover by taking its focus (which loses the dialog on macOS)', async () => {
    const [window] = recorded.windows;
    window!.show();
    let answer!: (result: { canceled: boolean }) => void;
    const original = dialog.showSaveDialog;
    dialog.showSaveDialog = () => new Promise((resolve) => (answer = resolve));
    try {
      const saving = invoke('saveFile', {
        suggestedName: 'growth.json',
        mimeType: 'application/json',
        base64: Buffer.from('{}').toString('base64'),
      });
      await waitFor(() => answer !== undefined, 5_000, 'the save dialog');
      window!.emit('blur');
      expect(window!.isVisible()).toBe(true);
      answer({ canceled: true });
      await expect(saving).resolves.toEqual({ saved: false });
      window!.emit('blur');
      expect(window!.isVisible()).toBe(false);
    } finally {
      dialog.showSaveDialog = original;
    }
  });
});
