import type { Page } from '@playwright/test';
import { expect, openView, person, postJson, shot, signIn, suiteServer, test } from './fixtures';

/** The supervisor appreciates `to` through the API, as another device would. */
async function kudosFrom(url: string, token: string, to: string, message: string) {
  await postJson(`${url}/api/me/kudos`, token, {
    toPersonId: to,
    value: 'Ownership',
    message,
    ticketId: null,
    ticketUrl: null,
  });
}

const toast = (page: Page, text: string) => page.locator('.celebration', { hasText: text });

test('the browser tab keeps the pop-up budget: N an hour, focus mode holds them, a digest brings them back', async ({
  browser,
}) => {
  const server = suiteServer();
  const felix = person(server.people, 'Felix Wagner');
  const boss = person(server.people, 'Maja Kowalska');
  const page = await signIn(browser, server.url, felix.token);
  await openView(page, 'Settings');
  const perHour = page.getByLabel('Pop-ups an hour');
  await perHour.fill('2');
  await perHour.press('Enter');
  await expect(page.getByText('At most 2 pop-ups an hour')).toBeVisible();
  await openView(page, 'Today');

  const run = Date.now();
  const messages = [1, 2, 3].map((i) => `Owned the refund queue, part ${i} (${run})`);
  for (const message of messages) await kudosFrom(server.url, boss.token, felix.id, message);
  await expect(toast(page, messages[0]!)).toBeVisible();
  await expect(toast(page, messages[1]!)).toBeVisible();
  // The third is in the inbox, but its pop-up waits: this hour's two are used. (Counted at once, not
  // polled: a shown pop-up fades by itself after a few seconds, so waiting for "none" would prove nothing.)
  await openView(page, 'Kudos');
  await expect(page.getByRole('main').getByText(messages[2]!)).toBeVisible();
  expect(await toast(page, messages[2]!).count()).toBe(0);
  await shot(page, 'popups-budget-two-of-three');

  // A bigger budget makes room: what was held comes now (one item shows as itself).
  await openView(page, 'Settings');
  await perHour.fill('5');
  await perHour.press('Enter');
  await expect(toast(page, messages[2]!)).toBeVisible();

  // Focus mode holds everything, and its end brings one digest.
  await page.getByRole('checkbox', { name: 'Focus mode' }).check();
  const held = [1, 2].map((i) => `Covered the late shift, night ${i} (${run})`);
  for (const message of held) await kudosFrom(server.url, boss.token, felix.id, message);
  await openView(page, 'Kudos');
  await expect(page.getByRole('main').getByText(held[1]!)).toBeVisible();
  expect(await page.locator('.celebration').filter({ hasText: /night/ }).count()).toBe(0);
  await openView(page, 'Settings');
  await page.getByRole('checkbox', { name: 'Focus mode' }).uncheck();
  const digest = page.locator('.celebration[data-kind="digest"]');
  await expect(digest).toContainText('While you were busy');
  await expect(digest).toContainText('2 kudos waiting for you.');
  await shot(page, 'popups-digest');
  await digest.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: /Kudos for you/ })).toBeVisible();
});
