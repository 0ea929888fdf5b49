import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startFakeZendesk, type FakeZendesk } from '../integration/connectors/fakes/fake-zendesk';
import { startFakeFreshdesk, type FakeFreshdesk } from '../integration/connectors/fakes/fake-freshdesk';
import { freshdeskStory, zendeskStory } from '../integration/connectors/scenario';
import { expect, expectAccessible, shot, signIn, test } from './fixtures';
import { spawnServer, type ServerHandle } from './server-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npx sidekick-server …` as the README has an admin type it (the installed bin runs this same CLI). */
function cli(dataDir: string, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli/main.ts', ...args, '--data-dir', dataDir],
    { cwd: repoRoot, encoding: 'utf8' },
  ).trim();
}

/**
 * The README's path for an admin, end to end: create yourself as an admin person and a token with the CLI, start
 * the server with SIDEKICK_SECRET_KEY, open the console in a browser, sign in with the token, add a helpdesk
 * connection (here against the fake vendor APIs the connector tests use), test it, sync, and see the helpdesk's
 * agents with their metrics. Each test has its own server (the suite's has no SIDEKICK_SECRET_KEY and a demo
 * team; and the two fakes' agents share e-mail addresses, which would make them the same people).
 */
async function startAsTheReadmeSays(): Promise<{
  server: ServerHandle;
  token: string;
  dispose(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-admin-e2e-'));
  const admin = JSON.parse(cli(dataDir, 'people', 'add', '--name', 'Ada Admin', '--role', 'admin')) as {
    id: string;
  };
  const token = cli(dataDir, 'token', 'create', '--person', admin.id, '--label', 'my laptop');
  const server = await spawnServer({
    dataDir,
    people: [],
    env: { SIDEKICK_SECRET_KEY: randomBytes(32).toString('hex') },
  });
  return {
    server,
    token,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openConsole(page: Page) {
  // An admin lands in the console.
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Admin');
  await expect(page.getByRole('heading', { name: 'Admin console' })).toBeVisible();
}

/** Fills the add-connection form, tests the credentials (one click) and adds it. */
async function addConnection(
  page: Page,
  vendor: 'Zendesk' | 'Freshdesk',
  fill: (form: ReturnType<Page['getByRole']>) => Promise<void>,
  agents: RegExp,
) {
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a helpdesk connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: vendor });
  await fill(form);
  await form.getByRole('button', { name: 'Test the credentials' }).click();
  await expect(form.getByRole('status')).toHaveText(agents);
  await form.getByRole('button', { name: `Add the ${vendor} connection` }).click();
  await expect(form).toHaveCount(0);
}

/** Syncs now, then waits for the server's scheduler to have imported the fake's events. */
async function syncAndWait(page: Page, name: string) {
  const item = page.getByRole('listitem', { name });
  await item.getByRole('button', { name: /^Test/ }).click();
  await expect(item.getByRole('status')).toHaveText(/accepted the credentials/);
  await item.getByRole('button', { name: /^Sync now/ }).click();
  await expect(item.getByRole('status')).toHaveText('A sync starts within a few seconds.');
  await expect(item.getByText(/^Events imported$/).locator('xpath=following-sibling::dd[1]')).not.toHaveText(
    '0',
    { timeout: 30_000 },
  );
  await expect(item.getByText('Active', { exact: true })).toBeVisible();
}

/** Opens a section from the keyboard, as a keyboard or screen-reader user would: focus its summary, Enter. */
async function openSection(page: Page, title: RegExp) {
  const summary = page.locator('summary', { hasText: title });
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(summary.locator('xpath=..')).toHaveAttribute('open', '');
}

/** Opens an agent the helpdesk brought in and answers the value the console shows for one metric. */
async function metricOf(page: Page, agent: string, metric: string) {
  const item = page.getByRole('list', { name: 'People to claim' }).getByRole('listitem', { name: agent });
  if ((await item.locator('details[open]').count()) === 0) {
    await item.locator('summary').first().focus();
    await page.keyboard.press('Space');
  }
  return item
    .getByLabel(new RegExp(`^Metrics of ${agent}`))
    .getByText(metric, { exact: true })
    .locator('xpath=following-sibling::dd[1]');
}

test('an admin adds a Zendesk connection from the console and sees its agents and their metrics', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const zendesk: FakeZendesk = await startFakeZendesk();
  zendeskStory(zendesk);
  const { server, token, dispose } = await startAsTheReadmeSays();
  try {
    const page = await signIn(browser, server.url, token, {}, server.clock);
    await openConsole(page);
    await expect(page.getByText('No helpdesk connected yet')).toBeVisible();
    await addConnection(
      page,
      'Zendesk',
      async (form) => {
        await form.getByLabel('Account address').fill(zendesk.url);
        await form.getByLabel('Name (optional)').fill('Acme Zendesk');
        await form.getByLabel('Admin e-mail').fill(zendesk.email);
        await form.getByLabel('API token', { exact: true }).fill(zendesk.token);
      },
      /^Zendesk accepted the credentials and lists \d+ agent\(s\)\.$/,
    );
    await syncAndWait(page, 'Acme Zendesk (Zendesk)');
    await shot(page, 'admin-connections');

    await openSection(page, /^People to claim/);
    const toClaim = page.getByRole('list', { name: 'People to claim' });
    await expect(toClaim.getByRole('listitem', { name: 'Ana Alvarez' })).toBeVisible();
    await expect(toClaim.getByRole('listitem', { name: 'Ben Brook' })).toBeVisible();
    // The story: Ana answers every customer first (10 minutes in), Ben solves the five tickets.
    await expect(await metricOf(page, 'Ana Alvarez', 'First reply time (avg)')).toHaveText('10 min');
    await expect(await metricOf(page, 'Ben Brook', 'Tickets solved')).toHaveText('5');
    await expect(await metricOf(page, 'Ben Brook', 'First reply time (avg)')).toHaveText(/^not enough data/);
    await expectAccessible(page, 'admin console');
    await page.context().close();

    // How it looks, in light and dark at popover size, with every section open; axe on each.
    for (const theme of ['light', 'dark'] as const) {
      const themed = await signIn(browser, server.url, token, { colorScheme: theme }, server.clock);
      await openConsole(themed);
      await expect(themed.getByText('Events imported')).toBeVisible();
      await shot(themed, `${theme}-popover-admin-connections`);
      await openSection(themed, /^People to claim/);
      await (await metricOf(themed, 'Ben Brook', 'Tickets solved')).scrollIntoViewIfNeeded();
      await shot(themed, `${theme}-popover-admin-people-to-claim`);
      await openSection(themed, /^People \(/);
      const ada = themed.getByRole('list', { name: 'People' }).getByRole('listitem', { name: 'Ada Admin' });
      await ada.locator('summary').first().click();
      await expect(ada.getByText(/Device token “my laptop”, made .*, last used/)).toBeVisible();
      await ada.getByRole('list', { name: 'Tokens of Ada Admin' }).scrollIntoViewIfNeeded();
      await shot(themed, `${theme}-popover-admin-person-tokens`);
      await openSection(themed, /^Teams/);
      await openSection(themed, /^History import/);
      await themed.getByRole('form', { name: 'Import history' }).scrollIntoViewIfNeeded();
      await shot(themed, `${theme}-popover-admin-import`);
      await expectAccessible(themed, `admin console, every section open (${theme})`);
      await themed.context().close();
    }
  } finally {
    await dispose();
    await zendesk.close();
  }
});

test('an admin adds a Freshdesk connection from the console and sees its agents and their metrics', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const freshdesk: FakeFreshdesk = await startFakeFreshdesk();
  freshdeskStory(freshdesk);
  const { server, token, dispose } = await startAsTheReadmeSays();
  try {
    const page = await signIn(browser, server.url, token, {}, server.clock);
    await openConsole(page);
    await addConnection(
      page,
      'Freshdesk',
      async (form) => {
        await form.getByLabel('Account address').fill(freshdesk.url);
        await form.getByLabel('Name (optional)').fill('Acme Freshdesk');
        await form.getByLabel('API key').fill(freshdesk.apiKey);
      },
      /^Freshdesk accepted the credentials and lists \d+ agent\(s\)\.$/,
    );
    await syncAndWait(page, 'Acme Freshdesk (Freshdesk)');
    await openSection(page, /^People to claim/);
    const toClaim = page.getByRole('list', { name: 'People to claim' });
    await expect(toClaim.getByRole('listitem', { name: 'Ana Alvarez' })).toContainText('freshdesk:11');
    await expect(toClaim.getByRole('listitem', { name: 'Ben Brook' })).toContainText('freshdesk:12');
    // The same story in Freshdesk's shapes: Ana replies first on five tickets, Ben resolves them, two ratings.
    await expect(await metricOf(page, 'Ana Alvarez', 'First reply time (avg)')).toHaveText('10 min');
    await expect(await metricOf(page, 'Ben Brook', 'Tickets solved')).toHaveText('5');
    await expect(await metricOf(page, 'Ben Brook', 'CSAT')).toHaveText('not enough data (2 so far)');
    await page.context().close();
  } finally {
    await dispose();
    await freshdesk.close();
  }
});
