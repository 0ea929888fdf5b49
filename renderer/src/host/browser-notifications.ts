import type { Celebration } from '../../../shared/domain/growth-model';

/**
 * Web Notifications for kudos while the tab is in the background (in the foreground the in-page toast
 * already shows it). Permission is asked for only after the person signs in, never on page load.
 */
export function createBrowserNotifier(win: Window & typeof globalThis) {
  const supported = 'Notification' in win;
  return {
    async askPermission(): Promise<void> {
      if (supported && win.Notification.permission === 'default')
        await win.Notification.requestPermission().catch(() => undefined);
    },
    notify(celebration: Celebration, onClick: () => void): void {
      if (
        !supported ||
        win.Notification.permission !== 'granted' ||
        win.document.visibilityState === 'visible'
      )
        return;
      const note = new win.Notification(celebration.title, {
        body: celebration.message,
        tag: celebration.id,
      });
      note.onclick = () => {
        win.focus();
        onClick();
        note.close();
      };
    },
  };
}
