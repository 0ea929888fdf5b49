import { expect, openView, person, shot, signIn, suiteServer, test } from './fixtures';

test('a supervisor sends kudos and the agent’s open page shows the toast within a second', async ({
  browser,
}) => {
  const server = suiteServer();
  const agent = await signIn(browser, server.url, person(server.people, 'Ben Okafor').token);
  // The same agent on a second desktop that asks the OS for reduced motion.
  const calm = await signIn(browser, server.url, person(server.people, 'Ben Okafor').token, {
    reducedMotion: 'reduce',
  });
  const supervisor = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token);

  await openView(supervisor, 'Kudos');
  await supervisor.getByRole('tab', { name: 'Give kudos' }).click();
  const form = supervisor.getByRole('form', { name: 'Send kudos' });
  await form.getByLabel('Send to').selectOption({ label: 'Ben Okafor' });
  await form.getByText('Empathy', { exact: true }).click();
  await form
    .getByLabel('What they did')
    .fill('Stayed calm through the 40-minute billing dispute call — ticket 5120.');
  await form.getByLabel('Ticket (optional)').fill('5120');
  await form.getByRole('button', { name: 'Send kudos' }).click();
  await expect(form.getByRole('status')).toHaveText('Kudos sent', { timeout: 5_000 });
  // Acknowledged by the server: from here the agent's page has one second.
  const toast = agent.locator('.celebration', {
    hasText: 'Stayed calm through the 40-minute billing dispute call',
  });
  await expect(toast).toBeVisible({ timeout: 1_000 });
  await expect(toast).toContainText('Maja Kowalska');
  await expect(toast).toHaveClass(/celebration-toast/);
  await expect(toast).toHaveAttribute('data-motion', 'animated');
  const calmToast = calm.locator('.celebration', {
    hasText: 'Stayed calm through the 40-minute billing dispute call',
  });
  await expect(calmToast).toBeVisible({ timeout: 1_000 });
  await expect(calmToast).toHaveAttribute('data-motion', 'static');
  await shot(calm, 'kudos-agent-toast-reduced-motion');
  await shot(supervisor, 'kudos-supervisor-sent');
  await shot(agent, 'kudos-agent-toast');

  // It is kept in the inbox too, newest first and unread.
  await openView(agent, 'Kudos');
  await expect(agent.getByRole('listitem', { name: 'Kudos from Maja Kowalska, new' }).first()).toContainText(
    'ticket 5120',
  );
  await shot(agent, 'kudos-agent-inbox');
});
