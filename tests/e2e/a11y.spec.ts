import {
  expect,
  expectAccessible,
  openView,
  person,
  postJson,
  shot,
  signIn,
  suiteServer,
  test,
} from './fixtures';

const AGENT_VIEWS = ['Today', 'Kudos', 'Timeline', 'Profile', 'Board', 'Coaching', 'Ideas', 'Settings'];

test('every agent view is reachable, labelled and free of serious axe violations', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token);
  for (const view of AGENT_VIEWS) {
    await openView(page, view);
    if (view === 'Timeline') await expect(page.getByRole('figure', { name: /by week$/ })).toBeVisible();
    await expectAccessible(page, view.toLowerCase());
  }
});

test('the keyboard reaches every view, "More" menu included, with a visible focus ring', async ({
  browser,
}) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token);
  await page.locator('body').focus();
  const kudos = page.getByRole('button', { name: /^Kudos/ });
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await kudos.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(kudos).toBeFocused();
  expect(await kudos.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kudos for you' })).toBeVisible();

  // On to "More": Tab past Timeline, open with the arrow key, walk to Settings, Enter.
  const more = page.getByRole('button', { name: /^More/ });
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'More views' });
  await expect(menu.getByRole('menuitem', { name: 'Profile' })).toBeFocused();
  expect(
    await menu.getByRole('menuitem', { name: 'Profile' }).evaluate((el) => getComputedStyle(el).outlineStyle),
  ).not.toBe('none');
  await shot(page, 'keyboard-more-menu');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  await expect(more).toHaveText(/More: Settings/);
});

test('the team view for a supervisor (their landing view) has no serious axe violations', async ({
  browser,
}) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token);
  await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Team');
  await expect(page.getByRole('region', { name: /progress$/ })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Emma Nowak' })).toBeVisible();
  await expectAccessible(page, 'team');
});

test('the sign-in screen has no serious axe violations', async ({ page }) => {
  const server = suiteServer();
  await page.goto(server.url);
  await expect(page.getByLabel('Pairing code', { exact: true })).toBeVisible();
  await expectAccessible(page, 'sign-in');
});

test('the dark theme keeps its contrast: no serious axe violations', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token, {
    colorScheme: 'dark',
  });
  for (const view of AGENT_VIEWS) {
    await openView(page, view);
    await expectAccessible(page, `${view.toLowerCase()} (dark)`);
  }
});

test('the admin console (an admin’s landing view): the keyboard opens its sections, axe finds nothing serious in light or dark', async ({
  browser,
}) => {
  const server = suiteServer();
  // An admin as the README makes one (here through the admin API with the bootstrap token, the same thing).
  const admin = (await postJson(`${server.url}/api/admin/people`, server.adminToken, {
    name: 'Ada Admin',
    role: 'admin',
  })) as { id: string };
  const { token } = (await postJson(
    `${server.url}/api/admin/people/${admin.id}/tokens`,
    server.adminToken,
    {},
  )) as { token: string };
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await signIn(browser, server.url, token, { colorScheme });
    await expect(page.getByRole('main')).toHaveAttribute('aria-label', 'Admin');
    await expect(page.getByText('No helpdesk connected yet')).toBeVisible();
    // Tab from the top of the page to "People (…)", a native disclosure: Enter opens it, with a focus ring.
    await page.locator('body').focus();
    const people = page.locator('summary', { hasText: /^People \(/ });
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await people.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(people).toBeFocused();
    expect(await people.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'People' });
    const maja = list.getByRole('listitem', { name: 'Maja Kowalska' });
    await expect(maja).toBeVisible();
    await maja.locator('summary').first().focus();
    await page.keyboard.press('Space');
    await expect(maja.getByRole('form', { name: 'Edit Maja Kowalska' })).toBeVisible();
    await expect(maja.getByLabel(/^Metrics of Maja Kowalska/)).toBeVisible();
    for (const title of [/^Teams/, /^History import/]) {
      await page.locator('summary', { hasText: title }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('form', { name: 'Import history' })).toBeVisible();
    await expectAccessible(page, `admin console (${colorScheme})`);
    await page.context().close();
  }
});
