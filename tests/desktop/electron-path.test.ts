import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  chromium,
  expect as pw,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES, invokeChannel, type ClientState } from '../../shared/ipc';
import { configureFakeApp, recorded } from '../integration/sync/fake-electron';
import { call, seedTeam, startTestServer, waitFor } from '../integration/sync/support';
import { repoRoot } from './support/bundles';
import { connectIpc, EMIT_FUNCTION, INVOKE_BINDING, type SenderEvent } from './support/preload-shim';

// Check 3 of issue 10: the Electron path end to end without Electron. The real composition root (IPC
// bridge, sender guard, API host, notification center) runs here in Node with Electron's main-process
// objects faked; the built preload runs in real Chromium and reaches it through a binding; the real
// renderer (renderer/dist, served by the app's own app:// handler) is driven through window.sidekick
// against the real server.
vi.mock('electron', () => import('../integration/sync/fake-electron'));
vi.mock('electron-store', () => import('../integration/sync/fake-electron-store'));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

const chromiumPath = process.env.SIDEKICK_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let team: Awaited<ReturnType<typeof seedTeam>>;
let standIn: Server;
let otherOrigin: Server;
let appOrigin = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];

/** Serves `app://sidekick/<path>` over http for Chromium, through the handler the app registered. */
function serveAppProtocol(): Server {
  return createServer((req, res) => {
    void recorded.protocolHandler!({ url: `app://sidekick${req.url ?? '/'}` }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
}
const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
  configureFakeApp({ appPath: repoRoot, isPackaged: false });
  const { bootstrap } = await import('../../electron/main/composition-root');
  await bootstrap({
    integration: { protocolClient: false, appUserModelId: null, loginItem: false, notes: [] },
    displayServer: 'x11',
  });

  standIn = serveAppProtocol();
  appOrigin = await listen(standIn);
  // Another web origin, with a frame inside it: neither is the app's page.
  otherOrigin = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(req.url === '/frame' ? '<p>frame</p>' : '<p>elsewhere</p><iframe src="/frame"></iframe>');
  });
  await listen(otherOrigin);

  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 380, height: 560 } });
  const appUrlOf = (url: string) => {
    const parsed = new URL(url);
    return parsed.origin === appOrigin ? `app://sidekick${parsed.pathname}` : url;
  };
  await connectIpc(
    context,
    recorded.handlers as Map<string, (event: SenderEvent, raw: unknown) => Promise<unknown>>,
    appUrlOf,
  );
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('request', (request) => requested.push(request.url()));
  // The main process's webContents.send, delivered to this page's preload listeners.
  recorded.onSend = (channel, payload) =>
    void page
      .evaluate(
        ([emit, c, p]) => (window as unknown as Record<string, (c: string, p: unknown) => void>)[emit]!(c, p),
        [EMIT_FUNCTION, channel, payload] as const,
      )
      .catch(() => undefined);
  await page.goto(`${appOrigin}/index.html`);
}, 120_000);

afterAll(async () => {
  recorded.onSend = null;
  await recorded.handlers
    .get(invokeChannel('signOut'))?.(
      { senderFrame: { url: 'app://sidekick/index.html', parent: null } },
      undefined,
    )
    .catch(() => undefined);
  await browser?.close();
  standIn?.close();
  otherOrigin?.close();
  await server?.dispose();
});

describe('the Electron path in Chromium: built preload → IPC bridge → API host → real server', () => {
  it('the page gets window.sidekick from the built preload: the contract, frozen, nothing generic', async () => {
    const keys = await page.evaluate(() =>
      Object.keys((window as unknown as { sidekick: object }).sidekick).sort(),
    );
    const listeners = EVENT_NAMES.map((name) => `on${name[0]?.toUpperCase()}${name.slice(1)}`);
    expect(keys).toEqual([...INVOKE_NAMES, ...listeners].sort());
    expect(
      await page.evaluate(() => Object.isFrozen((window as unknown as { sidekick: object }).sidekick)),
    ).toBe(true);
    // The browser host is only loaded where window.sidekick is missing: it must not have been.
    expect(requested.filter((url) => /\/assets\/web-[^/]+\.js$/.test(url))).toEqual([]);
  });

  it('signs in through the sign-in screen with a pairing code, over IPC (the pairDevice channel)', async () => {
    const created = await call<{ code: string }>(
      server.url,
      team.supervisor.token,
      'POST',
      `/api/supervisor/people/${team.ana.id}/pairing-codes`,
    );
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Pairing code', { exact: true }).fill(created.code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pw(page.getByRole('navigation', { name: 'Views' })).toBeVisible({ timeout: 20_000 });
    await pw(page.getByRole('img', { name: 'Online' })).toBeVisible({ timeout: 20_000 });
  });

  it('a kudos from the supervisor pops up in the page and as a native notification within a second', async () => {
    const message = `Untangled a double refund in one call (${Date.now()})`;
    const sentAt = Date.now();
    await call(server.url, team.supervisor.token, 'POST', '/api/me/kudos', {
      toPersonId: team.ana.id,
      value: 'Empathy',
      message,
      ticketId: null,
      ticketUrl: null,
    });
    await pw(page.locator('.celebration', { hasText: message })).toBeVisible({ timeout: 1_000 });
    await waitFor(() => recorded.notifications.some((n) => n.body === message), 1_000, 'the notification');
    const shown = recorded.notifications.find((n) => n.body === message)!;
    expect(shown.title).toBe('Sam Lead appreciated your empathy');
    expect(shown.shownAt - sentAt).toBeLessThan(1_000);
  });

  it('an action queued while the server is down is delivered once when it is back', async () => {
    await server.stop();
    const banner = page.getByRole('status').filter({ hasText: 'Offline — as of' });
    await pw(banner).toBeVisible({ timeout: 20_000 });
    const message = `Took my queue while I was at the dentist (${Date.now()})`;
    await page.getByRole('button', { name: /^Kudos/ }).click();
    await page.getByRole('tab', { name: 'Give kudos' }).click();
    const form = page.getByRole('form', { name: 'Send kudos' });
    await form.getByLabel('Send to').selectOption({ label: 'Ben Ode' });
    await form.getByLabel('What they did').fill(message);
    await form.getByRole('button', { name: 'Send kudos' }).click();
    await pw(form.getByRole('status')).toContainText('goes to the server when you are back online');
    await pw(banner).toContainText('1 action queued');

    await server.start();
    await pw(page.getByRole('img', { name: 'Online' })).toBeVisible({ timeout: 60_000 });
    await pw(page.getByText(/actions? queued/)).toHaveCount(0, { timeout: 30_000 });
    const ben = await call<{ kudos: { inbox: { message: string }[] } }>(
      server.url,
      team.ben.token,
      'GET',
      '/api/me/state',
    );
    expect(ben.kudos.inbox.filter((k) => k.message === message)).toHaveLength(1);
  });

  it('another origin, or a frame inside it, is refused by the sender guard', async () => {
    const askFrom = (target: Page | Frame) =>
      target.evaluate(
        ([binding, channel]) =>
          (window as unknown as Record<string, (c: string, p: unknown) => Promise<unknown>>)[binding]!(
            channel,
            undefined,
          ).then(
            () => 'answered',
            (e: Error) => e.message,
          ),
        [INVOKE_BINDING, invokeChannel('getState')] as const,
      );
    const other = await context.newPage();
    await other.goto(`http://127.0.0.1:${(otherOrigin.address() as AddressInfo).port}/`);
    const top = await askFrom(other);
    expect(top).toContain('This page may not talk to Sidekick.');
    const frame = other.frames().find((f) => f.url().endsWith('/frame'))!;
    const framed = await askFrom(frame);
    expect(framed).toContain('This page may not talk to Sidekick.');
    await other.close();
    // The app's own page still gets its answers.
    const state = (await page.evaluate(() =>
      (window as unknown as { sidekick: { getState(): Promise<unknown> } }).sidekick.getState(),
    )) as ClientState;
    expect(state.snapshot?.person.name).toBe('Ana Kowalska');
  });
});
