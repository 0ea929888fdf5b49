import type { Page } from '@playwright/test';
import { expect, expectAccessible, openView, person, shot, signIn, suiteServer, test } from './fixtures';

/**
 * Recognition that reaches everyone, on the demo team at popover size: the agent's impact in customers' own
 * words, the opt-in most-improved board (Chloé and Felix have not opted in, so they are on no board), and tough
 * days offered to the supervisor as reasons for kudos that prefill the composer.
 */
const THEMES = ['light', 'dark'] as const;

/** Who did not opt in must appear nowhere on the board, whoever looks. */
async function expectNoOutsiders(page: Page, outsiders: readonly string[]) {
  const board = page.getByRole('main');
  for (const name of outsiders) await expect(board).not.toContainText(name);
}

for (const theme of THEMES) {
  test(`an agent sees their impact this month and the board they opted in to (${theme})`, async ({
    browser,
  }) => {
    const server = suiteServer();
    const ana = await signIn(browser, server.url, person(server.people, 'Ana Silva').token, {
      colorScheme: theme,
    });
    const impact = ana.getByTestId('impact-card');
    await expect(impact).toContainText(/This month you helped \d+ customers; \d+ said thank you\./);
    // Yesterday's tough customers, in their own words, and the tickets she turned around.
    await expect(impact).toContainText(
      '“Sorry for shouting earlier. You fixed it anyway — thank you.” — Robin',
    );
    await expect(impact).toContainText('4 tough tickets turned around');
    await impact.scrollIntoViewIfNeeded();
    await expectAccessible(ana, `Today with impact (${theme})`);
    await shot(ana, `recognition-${theme}-impact`);

    await openView(ana, 'Board');
    const entries = ana.getByRole('list', { name: 'Most improved' }).getByRole('listitem');
    await expect(entries.first()).toBeVisible();
    // Four opted in and are measured, so at most two are shown: never the bottom of the ranking.
    expect(await entries.count()).toBeLessThanOrEqual(2);
    await expect(entries.first()).toContainText('1');
    await expect(ana.getByTestId('board-you')).toBeVisible();
    await expectNoOutsiders(ana, ['Chloé Martin', 'Felix Wagner']);
    await expectAccessible(ana, `Most improved (${theme})`);
    await shot(ana, `recognition-${theme}-board`);
  });
}

test('someone who has not opted in sees no one, opts in from Settings, and is off the board again on opting out', async ({
  browser,
}) => {
  const server = suiteServer();
  const chloe = await signIn(browser, server.url, person(server.people, 'Chloé Martin').token);
  await openView(chloe, 'Board');
  await expect(chloe.getByText('The board is opt-in')).toBeVisible();
  await expectNoOutsiders(chloe, ['Ana Silva', 'Ben Okafor', 'Dev Patel', 'Emma Nowak']);
  await shot(chloe, 'recognition-light-board-opt-in');

  await chloe.getByRole('button', { name: 'Open Settings' }).click();
  await expect(chloe.getByRole('main')).toHaveAttribute('aria-label', 'Settings');
  const box = chloe.getByRole('checkbox', { name: 'Most-improved board' });
  await expect(box).not.toBeChecked();
  // The box moves once the server has stored the choice (a controlled checkbox), so click, then wait.
  await box.click();
  await expect(box).toBeChecked();
  await expect(chloe.getByText(/On: you can see your team’s monthly most-improved board/)).toBeVisible();
  await box.scrollIntoViewIfNeeded();
  await shot(chloe, 'recognition-light-settings-opt-in');

  await openView(chloe, 'Board');
  await expect(chloe.getByRole('list', { name: 'Most improved' })).toBeVisible();
  await expect(chloe.getByTestId('board-you')).toBeVisible();

  // Opting out again takes her off every board at once: Ana's board no longer knows her.
  await openView(chloe, 'Settings');
  await box.click();
  await expect(box).not.toBeChecked();
  await expect(chloe.getByText(/Off: you are on no board/)).toBeVisible();
  const ana = await signIn(browser, server.url, person(server.people, 'Ana Silva').token);
  await openView(ana, 'Board');
  await expect(ana.getByRole('list', { name: 'Most improved' })).toBeVisible();
  await expectNoOutsiders(ana, ['Chloé Martin', 'Felix Wagner']);
});

for (const theme of THEMES) {
  test(`a supervisor is offered a tough day as a reason for kudos, which prefills the composer (${theme})`, async ({
    browser,
  }) => {
    const server = suiteServer();
    const maja = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token, {
      colorScheme: theme,
    });
    const region = maja.getByRole('region', { name: 'Reasons for kudos: tough days' });
    // Ben's tough day yesterday; Ana's was already recognised with a "Tough customer" kudos from Maja.
    const ben = region.getByRole('listitem', { name: /^Ben Okafor, 2026-03-10$/ });
    await expect(ben).toContainText(
      'Ben handled 4 tough customers to the end on Tuesday 10 March (4 unhappy, 1 abusive).',
    );
    await expect(region).not.toContainText('Ana Silva');
    await ben.scrollIntoViewIfNeeded();
    await expectAccessible(maja, `Team with tough days (${theme})`);
    await shot(maja, `recognition-${theme}-tough-days`);

    await ben.getByRole('button', { name: 'Give Ben Okafor kudos' }).click();
    const form = maja.getByRole('form', { name: 'Send kudos' });
    await expect(form.getByLabel('Send to')).toHaveValue(person(server.people, 'Ben Okafor').id);
    await expect(form.getByRole('radio', { name: 'Tough customer' })).toBeChecked();
    await expect(form.getByLabel('What they did')).toHaveValue(
      /^Thank you for staying with 4 tough customers to the end on Tuesday 10 March/,
    );
    await shot(maja, `recognition-${theme}-kudos-prefilled`);
  });
}
