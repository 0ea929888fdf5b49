import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc';
import { digestFor, inQuietHours, minutesInZone, NotificationBudget } from '../../../shared/notify';

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

describe('the digest', () => {
  it('counts kudos apart from other celebrations and opens where most of them are', () => {
    const kudos = { target: { view: 'kudos' as const, itemId: 'k-1' } };
    const best = { target: { view: 'timeline' as const, itemId: 'pb-1' } };
    expect(digestFor([kudos, kudos, best])).toEqual({
      title: 'While you were busy',
      body: '2 kudos and 1 celebration waiting for you.',
      target: { view: 'kudos', itemId: null },
    });
    expect(digestFor([best, best]).body).toBe('2 celebrations waiting for you.');
    expect(digestFor([best, best]).target.view).toBe('timeline');
  });
});

describe('local minutes', () => {
  it('reads the wall clock in the person’s zone, whatever the machine’s zone', () => {
    const noonUtc = Date.UTC(2026, 2, 12, 12, 5);
    expect(minutesInZone(noonUtc, 'UTC')).toBe(12 * 60 + 5);
    expect(minutesInZone(noonUtc, 'Europe/Warsaw')).toBe(13 * 60 + 5);
    expect(minutesInZone(noonUtc, 'America/New_York')).toBe(8 * 60 + 5);
    expect(minutesInZone(Date.UTC(2026, 2, 12, 23, 30), 'Asia/Tokyo')).toBe(8 * 60 + 30);
  });

  it('falls back to the runtime zone for an unknown zone instead of throwing', () => {
    const at = Date.UTC(2026, 2, 12, 12, 5);
    expect(minutesInZone(at, 'Not/AZone')).toBe(minutesInZone(at, undefined));
  });
});
