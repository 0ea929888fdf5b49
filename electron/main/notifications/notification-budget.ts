import type { Settings } from '../../../shared/ipc';
import { inQuietHours } from './quiet-hours';

/**
 * The notification budget from DESIGN.md: nothing pops up in quiet hours or focus mode, at most
 * `maxPopupsPerHour` in any rolling hour, and whatever was held back is summed up in one digest when the
 * person is available again. Opting out of pop-ups drops them (they stay in the inbox and timeline).
 */
export type BudgetDecision = 'show' | 'hold' | 'drop';

export interface BudgetContext {
  now: number;
  /** Local minutes since midnight, computed by the caller in the person's zone. */
  localMinutes: number;
  settings: Settings;
}

const HOUR_MS = 3_600_000;

export class NotificationBudget<T> {
  private shownAt: number[] = [];
  private held: T[] = [];

  decide(item: T, ctx: BudgetContext): BudgetDecision {
    if (ctx.settings.optOut.popups) return 'drop';
    if (!this.available(ctx) || !this.hasRoom(ctx)) {
      this.held.push(item);
      return 'hold';
    }
    this.shownAt.push(ctx.now);
    return 'show';
  }

  /** Held items, once the person is available and the hour has room for one more pop-up (the digest). */
  takeDigest(ctx: BudgetContext): T[] {
    if (this.held.length === 0 || ctx.settings.optOut.popups || !this.available(ctx) || !this.hasRoom(ctx))
      return [];
    this.shownAt.push(ctx.now);
    const items = this.held;
    this.held = [];
    return items;
  }

  get heldCount(): number {
    return this.held.length;
  }

  private available(ctx: BudgetContext) {
    return !ctx.settings.focusMode && !inQuietHours(ctx.localMinutes, ctx.settings.quietHours);
  }

  private hasRoom(ctx: BudgetContext) {
    this.shownAt = this.shownAt.filter((t) => ctx.now - t < HOUR_MS);
    return this.shownAt.length < ctx.settings.maxPopupsPerHour;
  }
}
