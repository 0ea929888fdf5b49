import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openView, person, shot, signIn, suiteServer, test } from './fixtures';

/**
 * The suite server's clock is Wednesday 11 March 2026, 09:00Z: the Care Crew's first shift of the week (Monday
 * 09:00 in Warsaw) has passed, so the scheduler's first pass delivered the recap of the week of 2 March to every
 * agent and the briefing to Maja.
 */

/** Saves the PDF behind the button and reads it back with poppler: its text and its number of pages. */
async function exportedPdf(page: Page, scope: ReturnType<Page['locator']>) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-recap-')),
    download.suggestedFilename(),
  );
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { name: download.suggestedFilename(), text, pages, file };
}

test('an agent finds last week in review on Today, against their own past, and exports it as one page', async ({
  browser,
}) => {
  const server = suiteServer();
  for (const theme of ['light', 'dark'] as const) {
    const page = await signIn(browser, server.url, person(server.people, 'Ana Silva').token, {
      colorScheme: theme,
    });
    const recap = page.getByRole('region', { name: 'Last week' }).getByRole('article', {
      name: 'Your week in review',
    });
    await expect(recap).toBeVisible();
    await expect(recap).toContainText('Week of Mon 2 Mar');
    await expect(recap).toContainText('compared only with your own past weeks');
    await expect(recap).toContainText('solved');
    await shot(page, `weekly-recap-${theme}`);
    await page.screenshot({ path: `/tmp/weekly-recap-agent-${theme}.png` });
    await recap.getByText('The whole week').click();
    await expect(recap.getByRole('heading', { name: 'Kudos that named you' })).toBeVisible();
    await expect(recap.getByRole('heading', { name: 'Offers for the new week' })).toBeVisible();
    await recap.getByRole('heading', { name: 'Missions settled' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/weekly-recap-agent-open-${theme}.png` });
    if (theme === 'light') {
      const pdf = await exportedPdf(page, recap);
      expect(pdf.name).toBe('sidekick-weekly-recap-ana-silva-2026-03-02.pdf');
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain('Weekly recap');
      expect(pdf.text).toContain('Ana Silva');
      expect(pdf.text).toContain('Tickets solved:');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf.file, '/tmp/weekly-recap-agent-pdf']);
    }
    await page.context().close();
  }
});

test('the "weekly recap" opt-out takes the recap off Today', async ({ browser }) => {
  const server = suiteServer();
  const page = await signIn(browser, server.url, person(server.people, 'Ben Okafor').token);
  await expect(page.getByRole('article', { name: 'Your week in review' })).toBeVisible();
  await openView(page, 'Settings');
  await page.getByRole('checkbox', { name: /^Weekly recap/ }).uncheck();
  await openView(page, 'Today');
  await expect(page.getByRole('region', { name: 'Your missions' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Your week in review' })).toHaveCount(0);
  await page.context().close();
});

test('a supervisor reads the team’s weekly briefing in the Team view and prints it on one page', async ({
  browser,
}) => {
  const server = suiteServer();
  for (const theme of ['light', 'dark'] as const) {
    const page = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token, {
      colorScheme: theme,
    });
    const region = page.getByRole('region', { name: /^Weekly briefing — week of Mon 2 Mar/ });
    await expect(region).toBeVisible();
    await region.getByText(/to recognise ·/).click();
    // Everyone in the team, nobody forgotten.
    for (const name of ['Ana Silva', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Emma Nowak', 'Felix Wagner'])
      await expect(region.getByText(new RegExp(`^(• )?${name} — `))).toBeVisible();
    await expect(region.getByRole('heading', { name: 'Coaching tasks overdue' })).toBeVisible();
    await region.scrollIntoViewIfNeeded();
    await shot(page, `weekly-briefing-${theme}`);
    await page.screenshot({ path: `/tmp/weekly-recap-briefing-${theme}.png` });
    if (theme === 'light') {
      const pdf = await exportedPdf(page, region);
      expect(pdf.name).toBe('sidekick-weekly-briefing-care-crew-2026-03-02.pdf');
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain('Weekly briefing');
      expect(pdf.text).toContain('Felix Wagner');
      expect(pdf.text).toContain('Ideas waiting for your answer');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-singlefile',
        pdf.file,
        '/tmp/weekly-recap-briefing-pdf',
      ]);
    }
    await page.context().close();
  }
});
