import { expect, expectAccessible, openView, person, shot, signIn, suiteServer, test } from './fixtures';

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
