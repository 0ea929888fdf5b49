import { Notification } from 'electron';
import type { Notifier } from '../notifications/notification-center';
import { createRetainingNotifier } from '../notifications/retained-notifier';

/** Native notifications with the app icon; each is kept alive until the person is done with it. */
export function createElectronNotifier(iconPath: string): Notifier {
  return createRetainingNotifier(
    (content) =>
      new Notification({ title: content.title, body: content.body, icon: iconPath, silent: false }),
    () => Notification.isSupported(),
  );
}
