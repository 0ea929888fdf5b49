import type { Celebration, PersonalBest } from './growth-model';
import type { Mission } from './mission-model';
import type { Kudos } from './people-model';
import type { IsoInstant } from './primitives';
import { STREAK_MILESTONES } from './streak-model';
import { formatMetric, metricLabel } from './mission-text';

export type CelebrationTrigger =
  | { kind: 'kudos'; kudos: Kudos }
  | { kind: 'mission_completed'; mission: Mission }
  | { kind: 'streak_milestone'; milestone: number }
  | { kind: 'personal_best'; best: PersonalBest }
  | { kind: 'level_up'; level: number; levelName: string };

/**
 * Which moments deserve a celebration and how big. Kudos get a warm toast (they arrive often); completed
 * missions, personal bests and early streak milestones a burst; long streaks and level-ups confetti.
 * Returns null for anything that is not a celebration (a mission not completed, a day count that is no milestone).
 */
export function celebrationFor(trigger: CelebrationTrigger, now: IsoInstant, id: string): Celebration | null {
  const make = (
    kind: Celebration['kind'],
    size: Celebration['size'],
    title: string,
    message: string,
    refId: string | null,
  ): Celebration => ({ id, kind, size, title, message, at: now, refId });
  switch (trigger.kind) {
    case 'kudos': {
      const k = trigger.kudos;
      const what = k.customerQuote ? `“${truncate(k.customerQuote, 140)}”` : k.message;
      return make('kudos', 'toast', `${k.value} — from ${k.fromName}`, what, k.id);
    }
    case 'mission_completed': {
      const m = trigger.mission;
      if (m.status !== 'completed') return null;
      return make(
        'mission_completed',
        'burst',
        'Mission complete!',
        `${m.title} (+${m.reward.points} points)`,
        m.id,
      );
    }
    case 'streak_milestone': {
      const n = trigger.milestone;
      if (!(STREAK_MILESTONES as readonly number[]).includes(n)) return null;
      return make(
        'streak_milestone',
        n >= 10 ? 'confetti' : 'burst',
        `${n}-day streak!`,
        `${n} scheduled days in a row with your daily goal met.`,
        `${n}`,
      );
    }
    case 'personal_best': {
      const b = trigger.best;
      return make(
        'personal_best',
        'burst',
        'New personal best!',
        `${metricLabel(b.metric)}: ${formatMetric(b.metric, b.value)} in the week of ${b.weekStart}.`,
        `${b.metric}:${b.weekStart}`,
      );
    }
    case 'level_up':
      return make(
        'level_up',
        'confetti',
        `Level ${trigger.level}: ${trigger.levelName}`,
        'Your work has grown into a new level of mastery.',
        `${trigger.level}`,
      );
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
