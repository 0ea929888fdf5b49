import { expect, person, postJson, serverNow, shot, signIn, suiteServer, test } from './fixtures';

test('ingesting helpdesk events completes a mission and the celebration shows', async ({ browser }) => {
  const server = suiteServer();
  const dev = person(server.people, 'Dev Patel');
  const boss = person(server.people, 'Maja Kowalska');
  const page = await signIn(browser, server.url, dev.token);

  // A fresh mission that starts now, so the outcome does not depend on the demo history or the weekday.
  const now = serverNow();
  const title = `Solve 3 tickets before lunch ${now}`;
  await postJson(`${server.url}/api/supervisor/missions`, boss.token, {
    agentIds: [dev.id],
    teamId: null,
    spec: {
      title,
      metric: 'solved',
      comparator: 'atLeast',
      target: 3,
      window: { start: new Date(now - 60_000).toISOString(), end: new Date(now + 86_400_000).toISOString() },
      minSample: 1,
      guardrails: [],
      reward: { points: 40 },
    },
  });
  const card = page.getByRole('article', { name: title });
  await expect(card).toContainText('0 of 3');
  await shot(page, 'mission-assigned');

  // The helpdesk reports three solved tickets for Dev (Zendesk user 9004), as the admin/ingest token would.
  const at = new Date(now + 1_000).toISOString();
  const events = [1, 2, 3].map((i) => ({
    type: 'ticket_solved',
    source: 'zendesk',
    externalId: `e2e-solve-${now}-${i}`,
    ticketId: `E2E-${now}-${i}`,
    agent: 'zendesk:9004',
    at,
  }));
  await postJson(`${server.url}/api/ingest/events`, server.adminToken, { events });

  const celebration = page.locator('.celebration', { hasText: title });
  await expect(celebration).toBeVisible({ timeout: 5_000 });
  await expect(celebration).toHaveClass(/celebration-burst/);
  await shot(page, 'mission-completed-celebration');
  await expect(card).toContainText('Completed');
});
