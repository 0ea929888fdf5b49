import type { Page } from '@playwright/test';
import {
  expect,
  openView,
  person,
  POPOVER,
  postJson,
  serverNow,
  shot,
  signIn,
  suiteServer,
  test,
} from './fixtures';

/** One word, no spaces: what a pasted log line or a stuck key produces. */
const word = (n: number, seed: string) => `${seed}${'x'.repeat(n - seed.length - 3)}end`;

/** The page is no wider than the window: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(`${where}: ${scroll}px wide`).toBe(`${where}: ${viewport}px wide`);
}

test('a 4,000-character word wraps everywhere people write: ideas, kudos, profile, team view', async ({
  browser,
}) => {
  const server = suiteServer();
  const emma = person(server.people, 'Emma Nowak');
  const maja = person(server.people, 'Maja Kowalska');
  const now = serverNow();
  // Letters only (a–j, never x), from the clock: a repeated run (--repeat-each) writes words of its own, so
  // each run finds exactly its own text rather than the one before it too.
  const tag = [...String(now).slice(-7)].map((d) => String.fromCharCode(97 + Number(d))).join('');
  const mine = (seed: string) => new RegExp(`^${seed}${tag}x+end$`);
  await postJson(`${server.url}/api/me/ideas`, emma.token, {
    title: word(200, `Idea${tag}`),
    body: word(4000, `Body${tag}`),
    anonymous: false,
  });
  await postJson(`${server.url}/api/me/kudos`, maja.token, {
    toPersonId: emma.id,
    value: 'Quality',
    message: word(1000, `Kudos${tag}`),
    ticketId: null,
    ticketUrl: null,
  });
  // A customer's comment may be 4,000 characters too; it arrives as customer kudos.
  await postJson(`${server.url}/api/ingest/events`, server.adminToken, {
    events: [
      {
        type: 'csat_rated',
        source: 'zendesk',
        externalId: `e2e-long-csat-${now}`,
        ticketId: `E2E-LONG-${now}`,
        agent: 'zendesk:9005',
        at: new Date(now).toISOString(),
        satisfied: true,
        originalScore: 'good',
        comment: word(4000, 'Customer'),
      },
    ],
  });
  const field = (text: string, visibility: 'me' | 'supervisor' | 'team' = 'me') => ({ text, visibility });
  await postJson(`${server.url}/api/me/profile`, emma.token, {
    purposeWhy: field(word(2000, `Why${tag}`)),
    purposeWhere: field('', 'me'),
    passions: field('', 'me'),
    strengths: field(word(2000, `Strength${tag}`), 'supervisor'),
    skillsToGrow: field('', 'me'),
  });

  const page = await signIn(browser, server.url, emma.token);
  for (const view of ['Today', 'Kudos', 'Timeline', 'Profile', 'Ideas']) {
    await openView(page, view);
    if (view === 'Kudos') await expect(page.getByText(mine('Kudos'))).toBeVisible();
    if (view === 'Ideas') await expect(page.getByText(mine('Body'))).toBeVisible();
    if (view === 'Profile')
      await expect(page.getByRole('textbox', { name: /^Why I do this work/ })).toHaveValue(mine('Why'));
    await expectNoSidewaysScroll(page, view);
  }
  await openView(page, 'Ideas');
  await shot(page, 'long-word-ideas');

  const supervisor = await signIn(browser, server.url, maja.token);
  await expect(supervisor.getByRole('listitem', { name: 'Emma Nowak' })).toContainText(
    new RegExp(`Strength${tag}x+end`),
  );
  await expect(supervisor.getByRole('region', { name: 'Team ideas' })).toContainText(
    new RegExp(`Body${tag}x+end`),
  );
  await expectNoSidewaysScroll(supervisor, 'Team');
  await supervisor.getByRole('region', { name: 'Team ideas' }).scrollIntoViewIfNeeded();
  await shot(supervisor, 'long-word-team');
});

test('at popover width the navigation is one row, and header and menu stay compact', async ({ browser }) => {
  const server = suiteServer();
  for (const name of ['Chloé Martin', 'Maja Kowalska']) {
    const page = await signIn(browser, server.url, person(server.people, name).token);
    expect(page.viewportSize()).toEqual(POPOVER);
    // The snapshot arrives over HTTP before the live connection says hello; until then the header rightly
    // carries a "Connecting to the server…" banner (38 px nav + 32 px banner = the 70 px a loaded machine saw).
    // Measure the header people live with: once the connection is up, the banner is gone.
    await expect(page.getByRole('img', { name: 'Online' })).toBeVisible();
    await expect(page.locator('.chrome .banner')).toHaveCount(0);
    const tops = await page
      .getByRole('navigation', { name: 'Views' })
      .locator('li:not([role="none"]) > button, li > .more > button')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops.length).toBe(4);
    expect(new Set(tops).size).toBe(1);
    const chrome = await page.locator('.chrome').evaluate((el) => el.getBoundingClientRect().height);
    expect(chrome).toBeLessThanOrEqual(48);
    await expectNoSidewaysScroll(page, `${name}'s first view`);
  }
});
