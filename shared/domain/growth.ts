import type { GrowthState, PersonalBest } from './growth-model';

/**
 * Where growth points come from. Points are only ever added: nothing in the engine subtracts them.
 * A completed mission earns its own reward (mission.reward.points); the rest are fixed here.
 */
export const POINTS = {
  kudosReceived: 10,
  customerKudosReceived: 15,
  coachingTaskDone: 15,
  coachingCompleted: 40,
  ideaAdopted: 50,
  careerMilestone: 100,
  personalBest: 25,
  streakRecord: 0,
  levelUp: 0,
  streakMilestone: { 3: 15, 5: 25, 10: 50, 25: 120, 50: 250, 100: 500 } as Record<number, number>,
} as const;

export function pointsForStreakMilestone(milestone: number): number {
  return POINTS.streakMilestone[milestone] ?? 0;
}

/** Levels name a kind of mastery the agent has grown into, never a place in a ranking. */
export const LEVELS = [
  { level: 1, name: 'Getting started', minPoints: 0 },
  { level: 2, name: 'Finding your feet', minPoints: 100 },
  { level: 3, name: 'Reliable helper', minPoints: 300 },
  { level: 4, name: 'Problem solver', minPoints: 700 },
  { level: 5, name: 'Trusted pro', minPoints: 1_400 },
  { level: 6, name: 'Customer champion', minPoints: 2_500 },
  { level: 7, name: 'Expert', minPoints: 4_000 },
  { level: 8, name: 'Mentor', minPoints: 6_000 },
  { level: 9, name: 'Master of the craft', minPoints: 9_000 },
] as const;

export interface LevelInfo {
  level: number;
  levelName: string;
  /** Points earned since this level began. */
  pointsIntoLevel: number;
  /** Size of this level (points from its start to the next level's), null at the top level. */
  pointsForNextLevel: number | null;
}

export function levelFor(points: number): LevelInfo {
  const p = Math.max(0, Math.floor(points));
  let idx = 0;
  for (let i = 0; i < LEVELS.length; i++) if (p >= LEVELS[i]!.minPoints) idx = i;
  const cur = LEVELS[idx]!;
  const next = LEVELS[idx + 1];
  return {
    level: cur.level,
    levelName: cur.name,
    pointsIntoLevel: p - cur.minPoints,
    pointsForNextLevel: next ? next.minPoints - cur.minPoints : null,
  };
}

export function growthState(points: number, personalBests: PersonalBest[]): GrowthState {
  return { points: Math.max(0, Math.floor(points)), ...levelFor(points), personalBests };
}

/** Levels crossed when points went from `before` to `after` (each one is a level-up moment). */
export function levelsGained(before: number, after: number): Array<{ level: number; levelName: string }> {
  const a = levelFor(before).level;
  return LEVELS.filter((l) => l.level > a && l.minPoints <= after).map((l) => ({
    level: l.level,
    levelName: l.name,
  }));
}

/** What the level section says. */
export interface LevelSummary {
  /** "Level 2 · Finding your feet" */
  title: string;
  /** "20 of 200 points to the next level · 120 in all", or "9200 points — the top level." */
  progress: string;
  atTop: boolean;
}

/**
 * The level words, from the points alone: "the top level" only on the last of LEVELS, never for a new agent
 * whose stored state simply has no next level filled in.
 */
export function levelSummary(points: number): LevelSummary {
  const p = Math.max(0, Math.floor(points));
  const info = levelFor(p);
  const atTop = info.pointsForNextLevel === null;
  return {
    title: `Level ${info.level} · ${info.levelName}`,
    progress: atTop
      ? `${p} points — the top level.`
      : `${info.pointsIntoLevel} of ${info.pointsForNextLevel} points to the next level · ${p} in all`,
    atTop,
  };
}
