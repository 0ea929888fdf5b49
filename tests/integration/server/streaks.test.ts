import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { FeedPage } from '../../../shared/api/feed';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, createTeam, ticketStory } from './helpers/fixtures';

// Friday 6 Nov 2026, 19:00 in Warsaw: the Mon–Fri 09:00–17:00 shift is over.
const NOW = '2026-11-06T18:00:00Z';

describe.each(DIALECTS)('streaks from ingested work ($name)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: NOW });
  });
  afterAll(async () => t?.close());

  it('counts scheduled days with a satisfied rating; a sick day and the weekend do not break it; milestone 3 is celebrated', async () => {
    const teamId = await createTeam(t.api);
    const agent = await createPerson(t.api, {
      name: 'Sara Streak',
      teamIds: [teamId],
      handles: ['zendesk:301'],
    });
    await t.api('PATCH', `/api/admin/people/${agent.id}`, {
      body: { absences: [{ date: '2026-11-03', kind: 'sick' }] },
    });
    // Friday the week before, then Mon, Wed, Thu, Fri (Tuesday sick, weekend off).
    const days = ['2026-10-30', '2026-11-02', '2026-11-04', '2026-11-05', '2026-11-06'];
    for (const [i, day] of days.entries()) {
      const res = await t.api('POST', '/api/ingest/events', {
        body: { events: ticketStory('zendesk:301', `S-${i}`, `${day}T08:30:00Z`, { frtMinutes: 10 }) },
      });
      expect(res.status).toBe(200);
    }
    const state = (await t.api<Snapshot>('GET', '/api/me/state', { token: agent.token })).body;
    expect(state.streak.current).toBe(5);
    expect(state.streak.longest).toBe(5);
    expect(state.streak.nextMilestone).toBe(10);
    expect(state.streak.recent.find((d) => d.date === '2026-11-03')?.outcome).toBe('off');
    expect(state.streak.recent.find((d) => d.date === '2026-10-31')?.outcome).toBe('off');
    // Recorded at the moment each day met its goal (that day's satisfied rating, 100 minutes after 08:30), in
    // order, not at the recompute.
    expect(state.timeline.filter((e) => e.kind === 'streak_milestone').map((e) => [e.title, e.at])).toEqual([
      ['3-day streak', '2026-11-04T10:10:00.000Z'],
      ['5-day streak', '2026-11-06T10:10:00.000Z'],
    ]);
    const feed = await t.api<FeedPage>('GET', '/api/me/feed?after=0&limit=1000', { token: agent.token });
    const celebrations = feed.body.entries.flatMap((e) =>
      e.type === 'celebration' && e.payload.kind === 'streak_milestone' ? [e.payload.title] : [],
    );
    expect(celebrations).toEqual(['3-day streak!', '5-day streak!']);
    // Replaying the week changes nothing.
    const cursor = state.cursor;
    for (const [i, day] of days.entries())
      await t.api('POST', '/api/ingest/events', {
        body: { events: ticketStory('zendesk:301', `S-${i}`, `${day}T08:30:00Z`, { frtMinutes: 10 }) },
      });
    expect((await t.api<Snapshot>('GET', '/api/me/state', { token: agent.token })).body.cursor).toBe(cursor);
  });
});
