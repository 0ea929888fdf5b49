import { describe, expect, it } from 'vitest';
import { createNotificationCenter } from '../../../electron/main/notifications/notification-center';
import type { NotificationContent } from '../../../electron/main/notifications/notification-content';
import { DEFAULT_SETTINGS, type NavigateTarget, type Settings } from '../../../shared/ipc';
import { celebrationEntry, kudos, kudosEntry } from '../sync/fixtures';

function setup(settings: Partial<Settings> = {}) {
  const shown: { content: NotificationContent; click: () => void }[] = [];
  const opened: NavigateTarget[] = [];
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const center = createNotificationCenter({
    notifier: { show: (content, click) => shown.push({ content, click }) },
    settings: () => current,
    now: () => Date.UTC(2026, 10, 20, 10),
    localMinutes: () => 11 * 60,
    open: (target) => opened.push(target),
  });
  return { center, shown, opened, set: (s: Partial<Settings>) => void (current = { ...current, ...s }) };
}

describe('notification center', () => {
  it('pops up a new kudos naming who and what, and a click opens the popover at it', () => {
    const { center, shown, opened } = setup();
    center.onEntry(kudosEntry(1, 'k-42'));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.content.title).toBe('Sam Lead appreciated your tough customer');
    expect(shown[0]?.content.body).toContain('refund');
    shown[0]?.click();
    expect(opened).toEqual([{ view: 'kudos', itemId: 'k-42' }]);
  });

  it('stays quiet for a kudos being marked read or thanked', () => {
    const { center, shown } = setup();
    const entry = kudosEntry(2, 'k-1');
    if (entry.type !== 'kudos.upserted') throw new Error('fixture');
    center.onEntry({ ...entry, payload: { ...kudos('k-1', entry.at), readAt: '2026-11-20T10:00:00Z' } });
    expect(shown).toHaveLength(0);
  });

  it('celebrations respect the opt-out', () => {
    const { center, shown, set } = setup();
    center.onEntry(celebrationEntry(3));
    set({ optOut: { ...DEFAULT_SETTINGS.optOut, celebrations: true } });
    center.onEntry(celebrationEntry(4));
    expect(shown.map((s) => s.content.title)).toEqual(['5 days in a row']);
  });

  it('a streak milestone stays silent for someone who opted out of streaks', () => {
    const { center, shown } = setup({ optOut: { ...DEFAULT_SETTINGS.optOut, streaks: true } });
    center.onEntry(celebrationEntry(3));
    expect(shown).toHaveLength(0);
  });

  it('sums up what focus mode held back in one digest', () => {
    const { center, shown, set } = setup({ focusMode: true });
    center.onEntry(kudosEntry(1));
    center.onEntry(kudosEntry(2));
    center.onEntry(celebrationEntry(3));
    expect(shown).toHaveLength(0);
    set({ focusMode: false });
    center.flushDigest();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.content.body).toBe('2 kudos and 1 celebration waiting for you.');
  });
});
