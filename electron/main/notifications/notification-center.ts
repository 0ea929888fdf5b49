import { celebrationAllowed } from '../../../shared/ipc/celebration-policy';
import type { FeedEntry } from '../../../shared/api';
import type { NavigateTarget, Settings } from '../../../shared/ipc';
import { digestFor, NotificationBudget, type BudgetContext } from '../../../shared/notify';
import { notificationFor, type NotificationContent } from './notification-content';

/** The one thing the center needs from Electron's Notification. */
export interface Notifier {
  show(content: NotificationContent, onClick: () => void): void;
}

export interface NotificationCenterOptions {
  notifier: Notifier;
  settings: () => Settings;
  now: () => number;
  /** Local minutes since midnight at `now` (the machine's zone is the person's). */
  localMinutes: (now: number) => number;
  /** Opens the popover at an item. */
  open: (target: NavigateTarget) => void;
}

/**
 * Turns feed entries into native notifications right away (kudos should land within a second), through the
 * budget. `flushDigest()` runs when focus mode ends and on a minute timer (quiet hours ending).
 */
export function createNotificationCenter(options: NotificationCenterOptions) {
  const budget = new NotificationBudget<NotificationContent>();
  const context = (): BudgetContext => {
    const now = options.now();
    return { now, localMinutes: options.localMinutes(now), settings: options.settings() };
  };
  const show = (content: NotificationContent) =>
    options.notifier.show(content, () => options.open(content.target));

  return {
    onEntry(entry: FeedEntry) {
      const content = notificationFor(entry);
      if (!content) return;
      if (entry.type === 'celebration' && !celebrationAllowed(entry.payload, options.settings())) return;
      if (budget.decide(content, context()) === 'show') show(content);
    },
    flushDigest() {
      const held = budget.takeDigest(context());
      if (held.length === 1) show(held[0]!);
      else if (held.length > 1) show(digestFor(held));
    },
    get heldCount() {
      return budget.heldCount;
    },
  };
}
