import {
  expect,
  expectAccessible,
  newContext,
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

/**
 * Every view as a person sees it, in light and dark, at popover size and on a desktop window: the
 * screenshots land in tests/e2e/artifacts/screenshots (git-ignored; CI keeps them) for a person to look at.
 * Each one is also checked by axe, so no theme or size hides a contrast or labelling problem.
 */
const SIZES = { popover: POPOVER, desktop: { width: 1280, height: 800 } } as const;
const THEMES = ['light', 'dark'] as const;
const AGENT_VIEWS = ['Today', 'Kudos', 'Timeline', 'Profile', 'Board', 'Coaching', 'Ideas', 'Settings'];

for (const theme of THEMES) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`every view, ${theme}, ${size} (${viewport.width}×${viewport.height})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const server = suiteServer();
      const options = { colorScheme: theme, viewport };
      const agent = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token, options);
      for (const view of AGENT_VIEWS) {
        await openView(agent, view);
        if (view === 'Timeline') await expect(agent.getByRole('figure', { name: /by week$/ })).toBeVisible();
        await expectAccessible(agent, `${view} (${theme}, ${size})`);
        await shot(agent, `${theme}-${size}-${view.toLowerCase()}`);
      }
      await openView(agent, 'Kudos');
      await agent.getByRole('tab', { name: 'Give kudos' }).click();
      await expect(agent.getByRole('form', { name: 'Send kudos' })).toBeVisible();
      await shot(agent, `${theme}-${size}-kudos-give`);

      const supervisor = await signIn(
        browser,
        server.url,
        person(server.people, 'Maja Kowalska').token,
        options,
      );
      await expect(supervisor.getByRole('listitem', { name: 'Emma Nowak' })).toBeVisible();
      await expectAccessible(supervisor, `Team (${theme}, ${size})`);
      await shot(supervisor, `${theme}-${size}-team`);
      // The supervisor's side of coaching: their team's cards, grouped by agent.
      await openView(supervisor, 'Coaching');
      await expect(supervisor.getByRole('listitem', { name: 'Emma Nowak' })).toBeVisible();
      await expectAccessible(supervisor, `Coaching, supervisor (${theme}, ${size})`);
      await shot(supervisor, `${theme}-${size}-coaching-supervisor`);

      const context = await newContext(browser, options);
      const signInPage = await context.newPage();
      await signInPage.goto(server.url);
      await expect(signInPage.getByLabel('Pairing code', { exact: true })).toBeVisible();
      await expectAccessible(signInPage, `Sign-in (${theme}, ${size})`);
      await shot(signInPage, `${theme}-${size}-sign-in`);
    });
  }
}

test('the moments worth a screenshot: a customer’s thank-you, in light and dark', async ({ browser }) => {
  const server = suiteServer();
  const ben = person(server.people, 'Ben Okafor');
  const light = await signIn(browser, server.url, ben.token);
  const dark = await signIn(browser, server.url, ben.token, { colorScheme: 'dark' });
  const calm = await signIn(browser, server.url, ben.token, { reducedMotion: 'reduce' });
  const now = serverNow();
  const quote = `Ben stayed with me until the refund went through and explained every step. Thank you! (${now})`;
  await postJson(`${server.url}/api/ingest/events`, server.adminToken, {
    events: [
      {
        type: 'csat_rated',
        source: 'zendesk',
        externalId: `e2e-thanks-${now}`,
        ticketId: `E2E-THANKS-${now}`,
        agent: 'zendesk:9002',
        at: new Date(now).toISOString(),
        satisfied: true,
        originalScore: 'good',
        comment: quote,
      },
    ],
  });
  for (const [page, name] of [
    [light, 'light'],
    [dark, 'dark'],
    [calm, 'reduced-motion'],
  ] as const) {
    const card = page.locator('.celebration', { hasText: quote });
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-kind', 'thanks');
    await expect(card).toContainText('A customer’s thank-you');
    if (name === 'reduced-motion') await expect(card).toHaveAttribute('data-motion', 'static');
    await shot(page, `moment-customer-thanks-${name}`);
  }
  await light.locator('.celebration', { hasText: quote }).getByRole('button', { name: 'Open' }).click();
  const item = light.locator('.kudos-item.highlighted');
  await expect(item).toContainText(quote);
  await expect(item).toBeFocused();
  await expect(item).toBeInViewport();
  await shot(light, 'moment-customer-thanks-opened');
});
