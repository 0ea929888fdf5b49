import { expect, openView, person, shot, signIn, suiteServer, test, expectAccessible } from './fixtures';

test('a supervisor writes a coaching card, the agent ticks a task and replies, the supervisor sees both', async ({
  browser,
}) => {
  const server = suiteServer();
  const maja = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token);
  await openView(maja, 'Coaching');
  const devGroup = maja.getByRole('listitem', { name: 'Dev Patel' });
  await devGroup.getByRole('button', { name: 'Write a card for Dev Patel' }).click();
  const form = maja.getByRole('form', { name: 'Write a coaching card' });
  await expect(form.getByLabel('For')).toHaveValue(person(server.people, 'Dev Patel').id);
  const advice = `Close the loop on every chargeback with a short summary (${Date.now()})`;
  await form.getByLabel('Advice').fill(advice);
  await form.getByLabel('Tasks, one per line').fill('Read the chargeback playbook\nPair with Ana on Friday');
  await form.getByRole('button', { name: 'Send coaching card' }).click();
  const written = devGroup.getByRole('article').filter({ hasText: 'You wrote this' }).first();
  await expect(written).toHaveAccessibleName(/0 of 2 tasks done/);

  const dev = await signIn(browser, server.url, person(server.people, 'Dev Patel').token);
  await openView(dev, 'Coaching');
  const card = dev.getByRole('article', { name: /Coaching from Maja Kowalska/ }).filter({ hasText: advice });
  await card.getByRole('checkbox', { name: 'Read the chargeback playbook' }).check();
  await expect(card.getByText('Saved')).toBeVisible();
  await card.getByRole('textbox', { name: 'Reply' }).fill('Playbook read — the summary template helps.');
  await card.getByRole('button', { name: 'Send reply' }).click();
  await expect(card.getByRole('list', { name: 'Replies' })).toContainText('Playbook read');

  await maja.getByRole('button', { name: 'Refresh' }).click();
  await expect(written).toHaveAccessibleName(/1 of 2 tasks done/);
  await written.getByText(/Advice, tasks and 1 reply/).click();
  await expect(written.getByRole('list', { name: 'Replies' })).toContainText(
    'Playbook read — the summary template helps.',
  );
  await expect(written.getByRole('list', { name: 'Tasks' })).toContainText(
    'Read the chargeback playbook · done',
  );
  await expectAccessible(maja, 'Coaching (supervisor)');
  await shot(maja, 'coaching-supervisor');
});
