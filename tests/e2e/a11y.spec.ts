import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, person, shot, signIn, suiteServer, test } from './fixtures';

/** No serious or critical axe violations on a view; the report names each one when it fails. */
async function expectAccessible(page: Page, view: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${view}: ${v.id} — ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

test('every agent view is keyboard reachable, labelled and free of serious axe violations', async ({
  browser,
}) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token);
  await expectAccessible(page, 'today');
  await shot(page, 'view-today');
  for (const view of ['Kudos', 'Timeline', 'Profile', 'Coaching', 'Ideas', 'Settings']) {
    await page.getByRole('button', { name: new RegExp(`^${view}`) }).click();
    await expect(page.getByRole('button', { name: new RegExp(`^${view}`) })).toHaveAttribute(
      'aria-current',
      'page',
    );
    if (view === 'Timeline') await expect(page.getByRole('figure', { name: /by week$/ })).toBeVisible();
    await expectAccessible(page, view.toLowerCase());
    await shot(page, `view-${view.toLowerCase()}`);
  }
});

test('the views can be reached with the keyboard alone, with a visible focus ring', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token);
  await page.locator('body').focus();
  // Tab to the navigation and open Kudos with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: /^Kudos/ }).evaluate((el) => el === document.activeElement))
      break;
  }
  const kudos = page.getByRole('button', { name: /^Kudos/ });
  await expect(kudos).toBeFocused();
  const outline = await kudos.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kudos for you' })).toBeVisible();
  await shot(page, 'keyboard-focus');
});

test('the team view for a supervisor has no serious axe violations', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token);
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByRole('region', { name: /progress$/ })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Emma Nowak' })).toBeVisible();
  await expectAccessible(page, 'team');
  await shot(page, 'view-team');
});

test('the sign-in screen has no serious axe violations', async ({ page }) => {
  const server = suiteServer();
  await page.goto(server.url);
  await expect(page.getByLabel('Token')).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await shot(page, 'view-sign-in');
});

test('the dark theme keeps its contrast: no serious axe violations', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token, {
    colorScheme: 'dark',
  });
  await expectAccessible(page, 'today (dark)');
  for (const view of ['Kudos', 'Timeline', 'Settings']) {
    await page.getByRole('button', { name: new RegExp(`^${view}`) }).click();
    await expect(page.getByRole('button', { name: new RegExp(`^${view}`) })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible(page, `${view.toLowerCase()} (dark)`);
  }
  await shot(page, 'view-settings-dark');
});
