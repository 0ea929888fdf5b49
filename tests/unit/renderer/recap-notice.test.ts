import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/api/feed';
import type { Celebration } from '../../../shared/domain/growth-model';
import { DEFAULT_SETTINGS, type NavigateTarget, type Settings } from '../../../shared/ipc/contract';
import { createPopupGate, popupTarget } from '../../../renderer/src/host/popup-gate';
import { createNotificationCenter } from '../../../electron/main/notifications/notification-center';
import type { NotificationContent } from '../../../electron/main/notifications/notification-content';

/** The notices the weekly recap job writes (server/src/engine/weekly-recap-job.ts), as both hosts receive them. */
const recap: Celebration = {
  id: 'recap:p-ana:2026-03-09',
  kind: 'weekly_recap',
  size: 'toast',
  title: 'Your week in review',
  message: '24 tickets solved, 24 customers helped, 5 kudos. 3 offers for the new week.',
  at: '2026-03-09T08:00:00.000Z',
  refId: 'recap:p-ana:2026-03-09',
};
const briefing: Celebration = {
  ...recap,
  id: 'briefing:t1:2026-03-09',
  kind: 'team_briefing',
  title: 'Care Crew: your weekly briefing',
  refId: 't1',
};
const entry = (seq: number, payload: Celebration): FeedEntry => ({
  seq,
  personId: 'p-ana',
  at: payload.at,
  type: 'celebration',
  payload,
});
const optedOut = { ...DEFAULT_SETTINGS.optOut, weeklyRecap: true };

function gate(patch: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
  const shown: string[] = [];
  const g = createPopupGate({
    settings: async () => settings,
    now: () => Date.UTC(2026, 2, 9, 8, 0),
    timeZone: () => 'UTC',
    show: (c) => shown.push(c.id),
    showDigest: () => undefined,
  });
  return { g, shown, set: (p: Partial<Settings>) => void (settings = { ...settings, ...p }) };
}

function center(patch: Partial<Settings> = {}) {
  const shown: NotificationContent[] = [];
  const opened: NavigateTarget[] = [];
  const c = createNotificationCenter({
    notifier: { show: (content, click) => (shown.push(content), click()) },
    settings: () => ({ ...DEFAULT_SETTINGS, ...patch }),
    now: () => Date.UTC(2026, 2, 9, 8, 0),
    localMinutes: () => 9 * 60,
    open: (target) => opened.push(target),
  });
  return { c, shown, opened };
}

describe('the weekly recap and briefing notices go through the notification budget and the opt-out', () => {
  it('pop up in the browser tab and lead to Today (the recap) and Team (the briefing)', async () => {
    const { g, shown } = gate();
    await g.offer(recap);
    await g.offer(briefing);
    expect(shown).toEqual([recap.id, briefing.id]);
    expect(popupTarget(recap)).toEqual({ view: 'today', itemId: recap.id });
    expect(popupTarget(briefing)).toEqual({ view: 'team', itemId: 't1' });
  });

  it('stay silent for someone who opted out of the weekly recap, and for pop-ups off, but not for celebrations off', async () => {
    const off = gate({ optOut: optedOut });
    await off.g.offer(recap);
    await off.g.offer(briefing);
    expect(off.shown).toEqual([]);
    const noPopups = gate({ optOut: { ...DEFAULT_SETTINGS.optOut, popups: true } });
    await noPopups.g.offer(recap);
    expect(noPopups.shown).toEqual([]);
    const noCelebrations = gate({ optOut: { ...DEFAULT_SETTINGS.optOut, celebrations: true } });
    await noCelebrations.g.offer(recap);
    expect(noCelebrations.shown).toEqual([recap.id]);
  });

  it('wait out focus mode and the hour’s budget like any pop-up', async () => {
    const { g, shown, set } = gate({ focusMode: true });
    await g.offer(recap);
    expect(shown).toEqual([]);
    expect(g.heldCount).toBe(1);
    set({ focusMode: false });
    await g.flush();
    expect(shown).toEqual([recap.id]);
    const full = gate({ maxPopupsPerHour: 0 });
    await full.g.offer(recap);
    expect(full.shown).toEqual([]);
    expect(full.g.heldCount).toBe(1);
  });

  it('are native notifications on the desktop, opening Today or Team, and honour the same opt-out', () => {
    const on = center();
    on.c.onEntry(entry(1, recap));
    on.c.onEntry(entry(2, briefing));
    expect(on.shown.map((s) => s.title)).toEqual(['Your week in review', 'Care Crew: your weekly briefing']);
    expect(on.opened).toEqual([
      { view: 'today', itemId: recap.id },
      { view: 'team', itemId: 't1' },
    ]);
    const off = center({ optOut: optedOut });
    off.c.onEntry(entry(1, recap));
    expect(off.shown).toEqual([]);
    const quiet = center({ quietHours: { enabled: true, start: '08:00', end: '10:00' } });
    quiet.c.onEntry(entry(1, recap));
    expect(quiet.shown).toEqual([]);
    expect(quiet.c.heldCount).toBe(1);
  });
});
