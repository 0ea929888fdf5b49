import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { ZENDESK_TEST_SECRET, deliverZendesk, zendeskTicketDay } from './helpers/zendesk-webhook';

// A Wednesday, 13:00 in Warsaw (the demo team's zone): mid-shift, with a guarded team mission running this week.
const NOW = '2026-11-18T12:00:00Z';

describe.each(DIALECTS)('a demo day of Zendesk webhooks ($name)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {
      demo: true,
      now: NOW,
      config: { zendeskSecret: ZENDESK_TEST_SECRET },
    });
  });
  afterAll(async () => t?.close());

  const states = async () => {
    const out = new Map<string, Snapshot['streak']>();
    for (const p of t.server.demoTokens ?? [])
      if (p.role === 'agent')
        out.set(p.name, (await t.api<Snapshot>('GET', '/api/me/state', { token: p.token })).body.streak);
    return out;
  };

  it("changes no agent's streak or past days except today, and spends no freeze", async () => {
    const before = await states();
    const ana = before.get('Ana Silva')!;
    expect(ana.current).toBeGreaterThanOrEqual(5);
    const today = ana.recent.at(-1)!.date;
    // Ana (Zendesk user 9001) works four tickets this morning, one rated badly; Dev (9004) two; Emma (9005) one.
    const morning = (h: number, m: number) =>
      `${today}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
    await deliverZendesk(t.api, [
      ...zendeskTicketDay('70001', '9001', morning(8, 5), {
        replyMinutes: 12,
        solveMinutes: 40,
        rating: 'Good',
      }),
      ...zendeskTicketDay('70002', '9001', morning(8, 50), {
        replyMinutes: 20,
        solveMinutes: 55,
        rating: 'Bad',
      }),
      ...zendeskTicketDay('70003', '9004', morning(9, 0), {
        replyMinutes: 30,
        solveMinutes: 70,
        rating: 'Good',
      }),
      ...zendeskTicketDay('70004', '9001', morning(9, 30), { replyMinutes: 8, solveMinutes: 25 }),
      ...zendeskTicketDay('70005', '9005', morning(9, 40), {
        replyMinutes: 45,
        solveMinutes: 80,
        rating: 'Bad',
      }),
      ...zendeskTicketDay('70006', '9001', morning(10, 15), {
        replyMinutes: 15,
        solveMinutes: 50,
        rating: 'Good',
      }),
      ...zendeskTicketDay('70007', '9004', morning(10, 20), { replyMinutes: 25, solveMinutes: 60 }),
    ]);
    const after = await states();
    for (const [name, was] of before) {
      const now = after.get(name)!;
      expect({ name, past: now.recent.slice(0, -1) }).toEqual({ name, past: was.recent.slice(0, -1) });
      expect({ name, freezes: now.freezesLeft }).toEqual({ name, freezes: was.freezesLeft });
      // Only today can add to the streak.
      const wasToday = was.todayMet ? 1 : 0;
      const nowToday = now.todayMet ? 1 : 0;
      expect({ name, streak: now.current - nowToday }).toEqual({ name, streak: was.current - wasToday });
      expect(now.longest).toBeGreaterThanOrEqual(was.longest);
    }
    expect(after.get('Ana Silva')!.todayMet).toBe(true);
  });
});
