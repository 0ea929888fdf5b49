import type { Celebration } from '../../../shared/domain/growth-model';

/** Whether the companion shows a celebration: the one opt-out rule shared with the desktop's notifications. */
export { celebrationAllowed as shouldShow } from '../../../shared/ipc/celebration-policy';

/** How long each size stays before it fades by itself (it can always be dismissed sooner). */
export const LINGER_MS: Record<Celebration['size'], number> = {
  toast: 7_000,
  burst: 9_000,
  confetti: 12_000,
};
