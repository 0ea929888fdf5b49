import { Snapshot } from '../../shared/api/snapshot';
import {
  expect,
  expectAccessible,
  getJson,
  openView,
  postJson,
  person,
  serverNow,
  shot,
  signIn,
  suiteServer,
  test,
} from './fixtures';

/** A day n days after the suite server's clock, as a date field takes it (tomorrow's check-in is "soon"). */
const inDays = (n: number) => new Date(serverNow() + n * 86_400_000).toISOString().slice(0, 10);
const tomorrow = () => inDays(1);
const inTwoWeeks = () => inDays(14);

async function planStatus(url: string, token: string, personId: string): Promise<number> {
  const reply = await fetch(`${url}/api/people/${personId}/plan`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return reply.status;
}

test('a growth plan at popover size: the agent keeps it private, then shares it; the supervisor sees it and its check-in', async ({
  browser,
}) => {
  const server = suiteServer();
  const maja = person(server.people, 'Maja Kowalska');
  const emma = person(server.people, 'Emma Nowak');
  const felix = person(server.people, 'Felix Wagner');
  const stamp = Date.now();
  const goal = `Team lead for the escalations queue (${stamp})`;
  const agreed = `Emma shadows the escalations lead on Thursdays (${stamp})`;
  // Run again on the same server (--repeat-each), Emma already has a plan: start from an empty private one.
  const had = Snapshot.parse(await getJson(`${server.url}/api/me/state`, emma.token)).plan !== null;
  if (had)
    await postJson(`${server.url}/api/me/plan`, emma.token, {
      goal: { kind: 'role_here', text: 'Not decided yet' },
      skills: [],
      visibility: 'me',
      nextCheckIn: null,
    });

  for (const colorScheme of ['light', 'dark'] as const) {
    const agent = await signIn(browser, server.url, emma.token, { colorScheme });
    await openView(agent, 'Profile');
    const section = agent.getByRole('region', { name: 'My plan' });
    if (colorScheme === 'light') {
      await section.getByRole('button', { name: had ? 'Edit plan' : 'Start a plan' }).click();
      await section.getByLabel('Goal').fill(goal);
      await section.getByLabel('New skill').fill('De-escalation');
      await section.getByRole('button', { name: 'Add skill' }).click();
      const picker = section.getByRole('group', { name: 'Add evidence to De-escalation' });
      await picker.getByLabel('Value', { exact: true }).selectOption('Empathy');
      await picker.getByLabel('How many').fill('2');
      await picker.getByRole('button', { name: 'Add evidence' }).click();
      await picker.getByLabel('Evidence', { exact: true }).selectOption('A certification');
      await picker.getByLabel('Certification').fill('Complaint handling');
      await picker.getByRole('button', { name: 'Add evidence' }).click();
      await section.getByLabel('Next check-in').fill(tomorrow());
      await expect(section.getByLabel('Who can see this plan')).toHaveValue('me');
      await shot(agent, 'growth-plan-edit-light');
      await expectAccessible(agent, 'My plan (editing)');
      await section.getByRole('button', { name: 'Save plan' }).click();
    }
    // The saved plan comes back from the server with its progress (live, through the feed).
    await expect(section).toContainText(goal);
    await expect(section).toContainText('Certification: Complaint handling');
    await expect(section).toContainText(/Check-in soon/);
    await section.scrollIntoViewIfNeeded();
    await shot(agent, `growth-plan-mine-${colorScheme}`);
    expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await agent.context().close();
  }

  // Kept to "only me": the supervisor's team view does not have it, and the API says it is not there.
  const supervisor = await signIn(browser, server.url, maja.token);
  const plans = supervisor.getByRole('region', { name: 'Growth plans' });
  await plans.scrollIntoViewIfNeeded();
  await expect(plans).not.toContainText(goal);
  expect(await planStatus(server.url, maja.token, emma.id)).toBe(404);
  expect(await planStatus(server.url, felix.token, emma.id)).toBe(404);

  // Shared with the supervisor: in the team view with the check-in to prepare; a teammate still gets 404.
  const agent = await signIn(browser, server.url, emma.token);
  await openView(agent, 'Profile');
  const section = agent.getByRole('region', { name: 'My plan' });
  await section.getByRole('button', { name: 'Edit plan' }).click();
  await section.getByLabel('Who can see this plan').selectOption('Me and my supervisor');
  await section.getByRole('button', { name: 'Save plan' }).click();
  await expect(section).toContainText('Seen by: me and my supervisor');
  expect(await planStatus(server.url, felix.token, emma.id)).toBe(404);
  expect(await planStatus(server.url, maja.token, emma.id)).toBe(200);

  await plans.getByRole('button', { name: 'Refresh' }).click();
  await expect(plans.getByText('Check-ins to prepare')).toBeVisible();
  await expect(plans).toContainText(/Emma Nowak — Check-in soon/);
  await plans.getByText(goal).click();
  await expect(plans).toContainText('Certification: Complaint handling');
  await plans.scrollIntoViewIfNeeded();
  await shot(supervisor, 'growth-plan-team-light');
  // The check-in held: recorded with the next date, the reminder goes, and the agent sees it live.
  const form = plans.getByRole('form', { name: 'Record a check-in with Emma Nowak' });
  await form.getByLabel('What you agreed').fill(agreed);
  await form.getByLabel('Next check-in').fill(inTwoWeeks());
  await form.getByRole('button', { name: 'Record check-in' }).click();
  await expect(form.getByRole('status')).toContainText('Check-in recorded');
  await expect(plans.getByText('Check-ins to prepare')).toHaveCount(0);
  await expect(section).toContainText(`with Maja Kowalska: ${agreed}`);
  await expect(section).toContainText('Next check-in:');
  await openView(agent, 'Timeline');
  await expect(agent.getByRole('main')).toContainText(agreed);
  await expectAccessible(supervisor, 'Team: growth plans');
  expect(await supervisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

  const dark = await signIn(browser, server.url, maja.token, { colorScheme: 'dark' });
  const darkPlans = dark.getByRole('region', { name: 'Growth plans' });
  await darkPlans.getByText(goal).click();
  await darkPlans.scrollIntoViewIfNeeded();
  await shot(dark, 'growth-plan-team-dark');
});
