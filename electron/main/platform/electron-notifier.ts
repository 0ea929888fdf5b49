import { Notification } from 'electron';
import type { Notifier } from '../notifications/notification-center';

export function createElectronNotifier(iconPath: string): Notifier {
  return {
    show(content, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: content.title,
        body: content.body,
        icon: iconPath,
        silent: false,
      });
      notification.on('click', onClick);
      notification.show();
    },
  };
}
