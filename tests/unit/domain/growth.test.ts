import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEST_METRICS,
  GrowthState,
  LEVELS,
  formatMetric,
  growthState,
  levelFor,
  levelSummary,
  levelsGained,
  newPersonalBests,
  personalBestPhrase,
  personalBests,
  pointsForStreakMilestone,
} from '../../../shared/domain';
import { trendWeek } from './fixtures';

const wk = trendWeek;

describe('levels', () => {
  it('levelFor gives the level, its name and progress into it', () => {
    expect(levelFor(0)).toEqual({
      level: 1,
      levelName: 'Getting started',
      pointsIntoLevel: 0,
      pointsForNextLevel: 100,
    });
    expect(levelFor(350)).toEqual({
      level: 3,
      levelName: 'Reliable helper',
      pointsIntoLevel: 50,
      pointsForNextLevel: 400,
    });
    const top = LEVELS.at(-1)!;
    expect(levelFor(top.minPoints + 5)).toMatchObject({
      level: top.level,
      pointsForNextLevel: null,
      pointsIntoLevel: 5,
    });
  });

  it('levels only go up with points, and level names are about mastery, not rank', () => {
    for (let p = 0; p < 10_000; p += 37)
      expect(levelFor(p + 37).level).toBeGreaterThanOrEqual(levelFor(p).level);
    for (const l of LEVELS) expect(l.name).not.toMatch(/\b(top|best|first|#|rank|leader)\b/i);
  });

  it('growthState parses against the contract; levelsGained lists each level crossed', () => {
    expect(GrowthState.parse(growthState(120, []))).toMatchObject({ points: 120, level: 2 });
    expect(levelsGained(90, 320).map((l) => l.level)).toEqual([2, 3]);
    expect(levelsGained(320, 330)).toEqual([]);
    expect(pointsForStreakMilestone(10)).toBeGreaterThan(pointsForStreakMilestone(5));
    expect(pointsForStreakMilestone(4)).toBe(0);
  });
});

describe('personal bests', () => {
  const trends = [
    wk('2026-02-09', { solved: 30, csatPct: 90, frtAvgMinutes: 40 }),
    wk('2026-02-16', { solved: 35, csatPct: null, frtAvgMinutes: 45 }), // CSAT: not enough data that week
    wk('2026-02-23', { solved: 33, csatPct: 96, frtAvgMinutes: 30 }),
    wk('2026-03-02', { solved: 41, csatPct: 94, frtAvgMinutes: 31 }),
  ];

  it('finds the current best per metric, ignoring weeks without enough data', () => {
    expect(personalBests(trends)).toEqual([
      { metric: 'solved', value: 41, weekStart: '2026-03-02', previous: 35 },
      { metric: 'frtAvgMinutes', value: 30, weekStart: '2026-02-23', previous: 40 },
      { metric: 'csatPct', value: 96, weekStart: '2026-02-23', previous: 90 },
    ]);
  });

  it('input order does not matter and a first week of data is not a best', () => {
    expect(personalBests([...trends].reverse())).toEqual(personalBests(trends));
    expect(personalBests(trends.slice(0, 1))).toEqual([]);
  });

  it('newPersonalBests lists what was set in one week, to celebrate', () => {
    expect(newPersonalBests(trends, '2026-03-02')).toEqual([
      { metric: 'solved', value: 41, weekStart: '2026-03-02', previous: 35 },
    ]);
    expect(newPersonalBests(trends, '2026-02-16').map((b) => b.metric)).toEqual(['solved']);
  });
});

describe('the level words', () => {
  it('a new agent is at the start of level 1, not "the top level"', () => {
    expect(levelSummary(0)).toEqual({
      title: 'Level 1 · Getting started',
      progress: '0 of 100 points to the next level · 0 in all',
      atTop: false,
    });
    // The words come from the points, so a stored state without a next level cannot make them wrong.
    expect(growthState(0, []).pointsForNextLevel).toBe(100);
  });

  it('only the last level is the top level', () => {
    const top = LEVELS[LEVELS.length - 1]!;
    expect(levelSummary(top.minPoints + 200)).toEqual({
      title: `Level ${top.level} · ${top.name}`,
      progress: `${top.minPoints + 200} points — the top level.`,
      atTop: true,
    });
    expect(levelSummary(top.minPoints - 1).atTop).toBe(false);
  });
});

describe('personal bests survive the precision they are shown in', () => {
  it('a QA week of 86.04 after 85.98 is no best ("86, before 86"); 86.4 is, said with enough precision', () => {
    const trends = [
      wk('2026-02-09', { qaAvg: 85.98 }),
      wk('2026-02-16', { qaAvg: 86.04 }),
      wk('2026-02-23', { qaAvg: 86.4 }),
    ];
    expect(newPersonalBests(trends, '2026-02-16')).toEqual([]);
    const [best] = personalBests(trends);
    expect(best).toEqual({ metric: 'qaAvg', value: 86.4, weekStart: '2026-02-23', previous: 85.98 });
    expect(personalBestPhrase(best!)).toBe('86.4, before 86');
  });

  it('whenever a best is claimed, its value and the one before it read differently', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BEST_METRICS),
        fc.array(fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: null }), { maxLength: 8 }),
        (metric, values) => {
          const trends = values.map((v, i) =>
            wk(`2026-01-${String(5 + 7 * i).padStart(2, '0')}`, { [metric]: v }),
          );
          for (const b of trends.flatMap((w) => newPersonalBests(trends, w.weekStart))) {
            expect(b.previous).not.toBeNull();
            expect(formatMetric(b.metric, b.value)).not.toBe(formatMetric(b.metric, b.previous!));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
