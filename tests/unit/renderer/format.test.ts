import { describe, expect, it } from 'vitest';
import { ago, localDate, shortDate, timeLeft, weekStartOf } from '../../../renderer/src/format/time';
import { formatMetric } from '../../../renderer/src/format/metrics';
import { errorMessage } from '../../../renderer/src/api/error-message';
import { z } from 'zod';

const HOUR = 3_600_000;

describe('time wording', () => {
  it('says how much time is left in words a person uses', () => {
    expect(timeLeft(3 * 24 * HOUR + 5 * HOUR)).toBe('3 days left');
    expect(timeLeft(30 * HOUR)).toBe('1 day left');
    expect(timeLeft(5 * HOUR + 59 * 60_000)).toBe('5 h left');
    expect(timeLeft(40 * 60_000)).toBe('40 min left');
    expect(timeLeft(20_000)).toBe('less than a minute left');
    expect(timeLeft(0)).toBe('ended');
  });

  it('says how long ago, never in the future', () => {
    const now = Date.parse('2026-03-12T14:30:00Z');
    expect(ago('2026-03-12T14:29:30Z', now)).toBe('just now');
    expect(ago('2026-03-12T14:18:00Z', now)).toBe('12 min ago');
    expect(ago('2026-03-12T12:40:00Z', now)).toBe('1 h ago');
    expect(ago('2026-03-11T10:12:00Z', now)).toBe('yesterday');
    expect(ago('2026-03-09T15:20:00Z', now)).toBe('2 days ago');
    expect(ago('2026-03-12T15:00:00Z', now)).toBe('just now');
  });

  it('finds the local date and the Monday of the week in the person’s zone, across DST', () => {
    expect(localDate('2026-03-29T22:30:00Z', 'Europe/Warsaw')).toBe('2026-03-30');
    expect(weekStartOf('2026-03-29T21:30:00Z', 'Europe/Warsaw')).toBe('2026-03-23'); // Sunday 23:30 CEST
    expect(weekStartOf('2026-03-29T22:30:00Z', 'Europe/Warsaw')).toBe('2026-03-30'); // Monday 00:30 CEST
    expect(weekStartOf('2026-03-09T03:00:00Z', 'America/Los_Angeles')).toBe('2026-03-02'); // still Sunday there
    expect(shortDate('2026-03-09')).toBe('Mon 9 Mar');
  });
});

describe('metric wording', () => {
  it('prints each metric in its unit, and "not enough data" instead of a number', () => {
    expect(formatMetric('solved', 27)).toBe('27');
    expect(formatMetric('frtAvgMinutes', 34.4)).toBe('34 min');
    expect(formatMetric('resolutionAvgMinutes', 250)).toBe('4.2 h');
    expect(formatMetric('csatPct', 93.6)).toBe('94%');
    expect(formatMetric('reopenRate', 6)).toBe('6%');
    expect(formatMetric('reopenRate', 0.5)).toBe('0.5%');
    expect(formatMetric('qaAvg', 85)).toBe('85/100');
    expect(formatMetric('ahtSeconds', 385)).toBe('6:25 min');
    expect(formatMetric('csatPct', null)).toBe('not enough data');
  });
});

describe('error wording', () => {
  it('unwraps Electron’s remote-method prefix and names the field of a schema error', () => {
    expect(
      errorMessage(
        new Error(
          "Error invoking remote method 'sidekick:invoke:sendKudos': Error: Daily kudos cap reached.",
        ),
      ),
    ).toBe('Daily kudos cap reached.');
    const zodError = z.object({ token: z.string().min(16) }).safeParse({ token: 'x' }).error;
    expect(errorMessage(zodError)).toMatch(/^token: /);
    expect(errorMessage(undefined)).toBe('Something went wrong.');
  });
});
