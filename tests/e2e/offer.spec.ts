import { expect, person, shot, signIn, suiteServer, test } from './fixtures';

test('an agent accepts one of this week’s offers and it becomes a mission', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Emma Nowak').token);
  const offers = page.getByRole('region', { name: 'This week’s offers' });
  await expect(offers.getByRole('article').first()).toBeVisible();
  await shot(page, 'offers-open');
  const first = offers.getByRole('article').first();
  const title = (await first.getByRole('heading').textContent()) ?? '';
  expect(title).not.toBe('');
  await first.getByRole('button', { name: `Accept: ${title}` }).click();
  // Confirmed by the server through the feed: the offer leaves the list and a running mission appears.
  await expect(
    page.getByRole('region', { name: 'Your missions' }).getByRole('article', { name: title }),
  ).toBeVisible();
  await expect(offers.getByRole('article', { name: new RegExp(title) })).toHaveCount(0);
  await shot(page, 'offer-accepted');
});
