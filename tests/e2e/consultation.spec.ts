import { expect, openView, person, serverNow, shot, signIn, suiteServer, test } from './fixtures';

/**
 * A closing date two days after the suite server's clock (`--now`), as the supervisor's date-and-time field takes
 * it (the browser runs in UTC).
 */
const inTwoDays = () => new Date(serverNow() + 2 * 86_400_000).toISOString().slice(0, 16);

test('asked before change at popover size: the supervisor asks, an agent answers anonymously, the loop is closed', async ({
  browser,
}) => {
  const server = suiteServer();
  const maja = person(server.people, 'Maja Kowalska');
  const emma = person(server.people, 'Emma Nowak');
  const question = `Friday late shifts (${Date.now()}): keep, rotate or drop?`;

  const supervisor = await signIn(browser, server.url, maja.token);
  const asked = supervisor.getByRole('region', { name: 'Asked before change' });
  await asked.scrollIntoViewIfNeeded();
  const form = asked.getByRole('form', { name: 'Ask the team' });
  await form.getByLabel('Question').fill(question);
  await form.getByLabel('Options, one a line').fill('Keep as they are\nRotate weekly\nDrop them');
  await form.getByLabel('Closes').fill(inTwoDays());
  await expect(form.getByLabel(/^Anonymous/)).toBeChecked();
  await form.getByRole('button', { name: 'Ask the team' }).click();
  await expect(form.getByRole('status')).toContainText('Asked');
  await expect(asked.getByRole('listitem', { name: question })).toContainText('0 of');

  const agent = await signIn(browser, server.url, emma.token);
  await openView(agent, 'Ideas');
  const card = agent
    .getByRole('region', { name: 'Your team asks' })
    .getByRole('listitem', { name: question });
  await expect(card).toContainText('your name is not kept with your answer');
  await card.getByLabel('Rotate weekly').check();
  await card.getByLabel(/Anything to add/).fill('School runs on Fridays');
  await shot(agent, 'consultation-answer');
  await card.getByRole('button', { name: 'Send answer' }).click();
  await expect(card).toContainText('You answered');

  // The team view's own Refresh (the growth plans section has its own, named "Refresh growth plans").
  await supervisor.getByRole('button', { name: 'Refresh', exact: true }).click();
  const review = asked.getByRole('listitem', { name: question });
  await expect(review).toContainText('1 of');
  // One anonymous answer: the results wait for more, so nobody can be picked out.
  await expect(review).toContainText('nobody can be picked out');
  await expect(review).not.toContainText('School runs on Fridays');
  await review.getByLabel('What was decided').fill('Friday lates rotate weekly from April');
  await review.getByLabel('Why').fill('Rotating shares the late shift fairly');
  await review.getByRole('button', { name: 'Share the decision' }).click();
  await expect(review).toContainText('You decided: Friday lates rotate weekly from April');
  await shot(supervisor, 'consultation-decided-team');

  // The agent sees it live in the one "you said, we did" history.
  const history = agent
    .getByRole('region', { name: 'You said, we did' })
    .getByRole('listitem', { name: question });
  await expect(history).toContainText('We did: Friday lates rotate weekly from April');
  await expect(history).toContainText('Why: Rotating shares the late shift fairly');
  await history.scrollIntoViewIfNeeded();
  await shot(agent, 'consultation-you-said-we-did');
  const width = await agent.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(400);
});
