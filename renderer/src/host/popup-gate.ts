import type { Celebration } from '../../../shared/domain/growth-model';
import { celebrationAllowed } from '../../../shared/ipc/celebration-policy';
import type { NavigateTarget, PopupDigest, Settings } from '../../../shared/ipc/contract';
import {
  decidePopup,
  digestFor,
  emptyBudget,
  minutesInZone,
  takeDigest,
  type BudgetContext,
  type BudgetState,
} from '../../../shared/notify';

export interface PopupGateOptions {
  settings(): Promise<Settings>;
  now(): number;
  /** The person's zone for quiet hours (null until the first snapshot: the browser's own zone). */
  timeZone(): string | null;
  show(celebration: Celebration): void;
  showDigest(digest: PopupDigest): void;
}

/** Where a pop-up leads: a kudos to itself in the inbox, a recap to Today, a briefing to Team, else the timeline. */
export const popupTarget = (c: Celebration): NavigateTarget =>
  c.kind === 'kudos'
    ? { view: 'kudos', itemId: c.refId }
    : c.kind === 'weekly_recap'
      ? { view: 'today', itemId: c.refId }
      : c.kind === 'team_briefing'
        ? { view: 'team', itemId: c.refId }
        : { view: 'timeline', itemId: c.refId };

/**
 * The browser tab's pop-ups through the same notification budget as the desktop's native notifications
 * (shared/notify) and the same opt-outs (celebrationAllowed): shown now, held for a digest, or dropped.
 * Calls are handled one after another, so a slow settings read never reorders two pop-ups.
 */
export function createPopupGate(options: PopupGateOptions) {
  let state: BudgetState<Celebration> = emptyBudget<Celebration>();
  const seen = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  const context = async (): Promise<BudgetContext> => {
    const settings = await options.settings();
    const now = options.now();
    return { now, localMinutes: minutesInZone(now, options.timeZone()), settings };
  };
  const serially = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => console.warn('sidekick pop-ups:', error));
    return queue;
  };

  return {
    offer(celebration: Celebration): Promise<void> {
      return serially(async () => {
        // The live feed may deliver a celebration again after a reconnect; it counts once.
        if (seen.has(celebration.id)) return;
        seen.add(celebration.id);
        const ctx = await context();
        if (!celebrationAllowed(celebration, ctx.settings)) return;
        const next = decidePopup(state, celebration, ctx);
        state = next.state;
        if (next.decision === 'show') options.show(celebration);
      });
    },
    /** Hands over what was held, if it is due (focus off, quiet hours over, room in the hour). */
    flush(): Promise<void> {
      return serially(async () => {
        const ctx = await context();
        const next = takeDigest(state, ctx);
        state = next.state;
        const [only] = next.items;
        if (next.items.length === 1 && only) options.show(only);
        else if (next.items.length > 1)
          options.showDigest({
            id: `digest-${ctx.now}`,
            count: next.items.length,
            ...digestFor(next.items.map((c) => ({ target: popupTarget(c) }))),
          });
      });
    },
    get heldCount(): number {
      return state.held.length;
    },
  };
}
