import type { Celebration } from '../../../shared/domain/growth-model';
import type { View } from '../../../shared/ipc/contract';

/** Whether the companion shows a celebration: the one opt-out rule shared with the desktop's notifications. */
export { celebrationAllowed as shouldShow } from '../../../shared/ipc/celebration-policy';

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
