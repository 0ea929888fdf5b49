import { describe, expect, it } from 'vitest';
import { NotificationBudget } from '../../../electron/main/notifications/notification-budget';
import { inQuietHours } from '../../../electron/main/notifications/quiet-hours';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc';

const at = (minutes: number, settings: Partial<Settings> = {}, now = minutes * 60_000) => ({
  now,
  localMinutes: minutes % 1440,
  settings: { ...DEFAULT_SETTINGS, ...settings },
});

describe('quiet hours', () => {
  const quiet = { enabled: true, start: '18:00', end: '08:00' };
  it('wraps past midnight', () => {
    expect(inQuietHours(17 * 60 + 59, quiet)).toBe(false);
    expect(inQuietHours(18 * 60, quiet)).toBe(true);
    expect(inQuietHours(3 * 60, quiet)).toBe(true);
    expect(inQuietHours(8 * 60, quiet)).toBe(false);
  });
  it('a same-day range and a disabled range', () => {
    expect(inQuietHours(12 * 60 + 30, { enabled: true, start: '12:00', end: '13:00' })).toBe(true);
    expect(inQuietHours(13 * 60, { enabled: true, start: '12:00', end: '13:00' })).toBe(false);
    expect(inQuietHours(3 * 60, { ...quiet, enabled: false })).toBe(false);
  });
});

describe('notification budget', () => {
  it('shows at most N an hour and holds the rest for the digest', () => {
    const budget = new NotificationBudget<string>();
    const s = { maxPopupsPerHour: 2 };
    expect(budget.decide('a', at(600, s))).toBe('show');
    expect(budget.decide('b', at(601, s))).toBe('show');
    expect(budget.decide('c', at(602, s))).toBe('hold');
    expect(budget.takeDigest(at(630, s))).toEqual([]); // the hour is still full
    expect(budget.takeDigest(at(661, s))).toEqual(['c']);
    expect(budget.heldCount).toBe(0);
  });

  it('holds everything in focus mode and hands it over when focus ends', () => {
    const budget = new NotificationBudget<string>();
    expect(budget.decide('a', at(600, { focusMode: true }))).toBe('hold');
    expect(budget.decide('b', at(610, { focusMode: true }))).toBe('hold');
    expect(budget.takeDigest(at(620, { focusMode: true }))).toEqual([]);
    expect(budget.takeDigest(at(621))).toEqual(['a', 'b']);
  });

  it('holds during quiet hours', () => {
    const budget = new NotificationBudget<string>();
    const quiet = { quietHours: { enabled: true, start: '18:00', end: '08:00' } };
    expect(budget.decide('late', at(22 * 60, quiet))).toBe('hold');
    expect(budget.takeDigest(at(7 * 60 + 1440, quiet, (7 + 24) * 3_600_000))).toEqual([]);
    expect(budget.takeDigest(at(8 * 60 + 1440, quiet, (8 + 24) * 3_600_000))).toEqual(['late']);
  });

  it('drops pop-ups entirely for someone who opted out', () => {
    const budget = new NotificationBudget<string>();
    expect(budget.decide('a', at(600, { optOut: { ...DEFAULT_SETTINGS.optOut, popups: true } }))).toBe(
      'drop',
    );
    expect(budget.heldCount).toBe(0);
  });
});
