import type { Celebration } from '../../../shared/domain/growth-model';
import type { Settings, View } from '../../../shared/ipc/contract';

/**
 * Whether the companion shows a celebration, honouring each opt-out: kudos are pop-ups (the appreciation is
 * still in the inbox); everything else is a celebration, and streak or level moments also follow their own
 * mechanic's opt-out.
 */
export function shouldShow(celebration: Celebration, settings: Settings): boolean {
  if (celebration.kind === 'kudos') return !settings.optOut.popups;
  if (settings.optOut.celebrations) return false;
  if (celebration.kind === 'streak_milestone') return !settings.optOut.streaks;
  if (celebration.kind === 'level_up') return !settings.optOut.growthPoints;
  return true;
}

/** Where "Open" takes you from a celebration. */
export const VIEW_FOR: Record<Celebration['kind'], View> = {
  kudos: 'kudos',
  mission_completed: 'today',
  streak_milestone: 'today',
  personal_best: 'timeline',
  level_up: 'timeline',
};

/** How long each size stays before it fades by itself (it can always be dismissed sooner). */
export const LINGER_MS: Record<Celebration['size'], number> = {
  toast: 7_000,
  burst: 9_000,
  confetti: 12_000,
};
