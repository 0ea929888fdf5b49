import {
  expect,
  expectAccessible,
  newContext,
  openView,
  person,
  shot,
  signIn,
  suiteServer,
  test,
} from './fixtures';

test('a supervisor makes a pairing code in the Team view; a fresh browser signs in with it', async ({
  browser,
}) => {
  const server = suiteServer();
  const maja = await signIn(browser, server.url, person(server.people, 'Maja Kowalska').token);
  await openView(maja, 'Team');
  const ana = maja.getByRole('listitem', { name: 'Ana Silva' });
  await ana.getByRole('button', { name: 'Pair a device for Ana Silva' }).click();
  const shown = ana.getByRole('status', { name: 'Pairing code for Ana Silva' });
  await expect(shown).toContainText(/Works once, until \d\d:\d\d \(10 minutes\)/);
  const code = (await shown.locator('.pair-code-value').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await shown.scrollIntoViewIfNeeded();
  await expectAccessible(maja, 'Team with a pairing code');
  await shot(maja, 'pairing-code-team');

  // A new device: nothing stored, no token, just the code read off the supervisor's screen.
  const context = await newContext(browser);
  const device = await context.newPage();
  await device.goto(server.url);
  const form = device.getByRole('form', { name: 'Sign in with a pairing code' });
  await expect(form.getByLabel('Server address')).toHaveValue(server.url);
  await form.getByLabel('Pairing code', { exact: true }).fill(code.toLowerCase().replace('-', ' '));
  await shot(device, 'pairing-sign-in');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(device.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await openView(device, 'Settings');
  await expect(device.getByRole('main')).toContainText('Ana Silva');

  // The code worked once: a second device is told so, in words.
  const other = await (await newContext(browser)).newPage();
  await other.goto(server.url);
  await other.getByLabel('Pairing code', { exact: true }).fill(code);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert')).toContainText('This pairing code was already used');
  await expectAccessible(other, 'Sign-in with a used code');
  await shot(other, 'pairing-used-code');
});
