import { expect, person, shot, signIn, suiteServer, test } from './fixtures';

test('the timeline chart renders the weekly trend with data, and the portfolio exports', async ({
  browser,
}) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Ana Silva').token);
  await page.getByRole('button', { name: 'Timeline' }).click();
  const chart = page.getByRole('figure', { name: /by week$/ });
  await expect(chart).toBeVisible();
  // A drawn line with points: recharts renders one dot per week with data.
  await expect(chart.locator('.recharts-line-curve')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L|C)/);
  expect(await chart.locator('.recharts-line-dot').count()).toBeGreaterThan(2);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, 'timeline-chart');

  await page.getByLabel('Metric').selectOption({ label: 'CSAT' });
  await expect(
    page.getByRole('figure', { name: 'CSAT by week' }).locator('.recharts-line-curve'),
  ).toHaveAttribute('d', /^M/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sidekick-portfolio-ana-silva-\d{4}-\d{2}-\d{2}\.json$/);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
});
