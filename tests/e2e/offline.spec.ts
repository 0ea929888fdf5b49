import fs from 'node:fs';
import { expect, getJson, openView, person, shot, signIn, test } from './fixtures';
import { spawnServer, type ServerHandle } from './server-process';

let server: ServerHandle | null = null;
test.afterEach(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('offline: the last state stays with its age, and an action queued offline is delivered once on return', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // Its own server, because this test stops it.
  server = await spawnServer();
  const { dataDir, port, adminToken } = server;
  const page = await signIn(
    browser,
    server.url,
    person(server.people, 'Felix Wagner').token,
    {},
    server.clock,
  );
  await expect(page.getByRole('img', { name: 'Online' })).toBeVisible();

  // Restarted on the same data, its clock carries on from where it was (not back to the start).
  const stoppedAt = server.now().getTime();
  const stoppedHere = Date.now();
  await server.stop();
  const banner = page.getByRole('status').filter({ hasText: 'Offline — as of' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Your missions' })).toBeVisible();

  const message = `Covered my chats during the outage — thank you! (${Date.now()})`;
  await openView(page, 'Kudos');
  await page.getByRole('tab', { name: 'Give kudos' }).click();
  const form = page.getByRole('form', { name: 'Send kudos' });
  await form.getByLabel('Send to').selectOption({ label: 'Ana Silva' });
  await form.getByLabel('What they did').fill(message);
  await form.getByRole('button', { name: 'Send kudos' }).click();
  await expect(form.getByRole('status')).toContainText('goes to the server when you are back online');
  await expect(banner).toContainText('1 action queued');
  await shot(page, 'offline-stale-queued');

  server = await spawnServer({
    dataDir,
    port,
    adminToken,
    people: server.people,
    now: new Date(stoppedAt + (Date.now() - stoppedHere)).toISOString(),
  });
  await expect(page.getByRole('img', { name: 'Online' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/actions? queued/)).toHaveCount(0, { timeout: 30_000 });
  await shot(page, 'offline-back-online');

  // Delivered exactly once: Ana's inbox has the message one time.
  const ana = person(server.people, 'Ana Silva');
  const state = (await getJson(`${server.url}/api/me/state`, ana.token)) as {
    kudos: { inbox: Array<{ message: string }> };
  };
  expect(state.kudos.inbox.filter((k) => k.message === message)).toHaveLength(1);
});
