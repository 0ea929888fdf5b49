import type { Settings } from '../ipc/contract';
import { inQuietHours } from './quiet-hours';

/**
 * The notification budget from DESIGN.md, one policy for every host (Electron's native notifications and the
 * browser tab's pop-ups): nothing pops up in quiet hours or focus mode, at most `maxPopupsPerHour` in any
 * rolling hour, and whatever was held back is handed over as one digest when the person is available again
 * and the hour has room for one more pop-up. Opting out of pop-ups drops them (they stay in the inbox and
 * the timeline). Pure: the time and the settings come in with every call, the state goes in and comes out.
 */
export type BudgetDecision = 'show' | 'hold' | 'drop';

export interface BudgetContext {
  now: number;
  /** Local minutes since midnight at `now`, in the person's zone (see minutesInZone). */
  localMinutes: number;
  settings: Settings;
}

export interface BudgetState<T> {
  /** When the pop-ups of the last hour were shown (a digest counts as one). */
  readonly shownAt: readonly number[];
  /** What waits for the digest, oldest first. */
  readonly held: readonly T[];
}

export const emptyBudget = <T>(): BudgetState<T> => ({ shownAt: [], held: [] });

const HOUR_MS = 3_600_000;

/** Not in focus mode and not in quiet hours. */
export const isAvailable = (ctx: BudgetContext): boolean =>
  !ctx.settings.focusMode && !inQuietHours(ctx.localMinutes, ctx.settings.quietHours);

const lastHour = (shownAt: readonly number[], now: number) => shownAt.filter((t) => now - t < HOUR_MS);

export function decidePopup<T>(
  state: BudgetState<T>,
  item: T,
  ctx: BudgetContext,
): { state: BudgetState<T>; decision: BudgetDecision } {
  if (ctx.settings.optOut.popups) return { state, decision: 'drop' };
  const shownAt = lastHour(state.shownAt, ctx.now);
  if (!isAvailable(ctx) || shownAt.length >= ctx.settings.maxPopupsPerHour)
    return { state: { shownAt, held: [...state.held, item] }, decision: 'hold' };
  return { state: { shownAt: [...shownAt, ctx.now], held: state.held }, decision: 'show' };
}

/** The held items, once the person is available and the hour has room (the digest); else nothing. */
export function takeDigest<T>(
  state: BudgetState<T>,
  ctx: BudgetContext,
): { state: BudgetState<T>; items: T[] } {
  const shownAt = lastHour(state.shownAt, ctx.now);
  if (
    state.held.length === 0 ||
    ctx.settings.optOut.popups ||
    !isAvailable(ctx) ||
    shownAt.length >= ctx.settings.maxPopupsPerHour
  )
    return { state: { shownAt, held: state.held }, items: [] };
  return { state: { shownAt: [...shownAt, ctx.now], held: [] }, items: [...state.held] };
}

/** The policy with its state kept inside, for hosts that hold one budget for the whole session. */
export class NotificationBudget<T> {
  private state: BudgetState<T> = emptyBudget<T>();

  decide(item: T, ctx: BudgetContext): BudgetDecision {
    const next = decidePopup(this.state, item, ctx);
    this.state = next.state;
    return next.decision;
  }

  takeDigest(ctx: BudgetContext): T[] {
    const next = takeDigest(this.state, ctx);
    this.state = next.state;
    return next.items;
  }

  get heldCount(): number {
    return this.state.held.length;
  }
}
