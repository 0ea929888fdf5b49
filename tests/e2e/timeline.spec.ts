import { expect, openView, person, shot, signIn, suiteServer, test } from './fixtures';

test('the timeline chart renders the weekly trend with data, and the portfolio exports', async ({
  browser,
}) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Ana Silva').token);
  await openView(page, 'Timeline');
  const chart = page.getByRole('figure', { name: /by week$/ });
  await expect(chart).toBeVisible();
  // A drawn line with points: recharts renders one dot per week with data.
  await expect(chart.locator('.recharts-line-curve')).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L|C)/);
  const dots = await chart.locator('.recharts-line-dot').count();
  expect(dots).toBeGreaterThan(2);
  // The chart spans the weeks with data (the demo has a few), not twelve mostly empty ones.
  const weeks = (await chart.locator('figcaption').textContent())!.split('; ');
  expect(weeks).toHaveLength(dots);
  expect(weeks.length).toBeLessThan(12);
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
