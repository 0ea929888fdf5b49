import type { Notifier } from './notification-center';
import type { NotificationContent } from './notification-content';

/** The part of Electron's Notification the notifier uses. */
export interface NativeNotification {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

/** Electron does not promise a `close` event for every notification: never hold more than this many. */
export const MAX_RETAINED_NOTIFICATIONS = 50;

/**
 * Shows native notifications and keeps a reference to each until it is clicked, closed or has failed. A
 * Notification held only by a local variable is garbage-collected while it is still on screen, and its
 * `click` handler goes with it: the person clicks and nothing opens.
 */
export function createRetainingNotifier(
  create: (content: NotificationContent) => NativeNotification,
  isSupported: () => boolean,
): Notifier & { readonly retained: number } {
  const live = new Set<NativeNotification>();
  return {
    show(content, onClick) {
      if (!isSupported()) return;
      const notification = create(content);
      const release = () => void live.delete(notification);
      notification.on('click', () => {
        release();
        onClick();
      });
      notification.on('close', release);
      notification.on('failed', release);
      live.add(notification);
      if (live.size > MAX_RETAINED_NOTIFICATIONS) live.delete(live.values().next().value!);
      notification.show();
    },
    get retained() {
      return live.size;
    },
  };
}
