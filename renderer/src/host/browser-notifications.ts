/** What a Web Notification says; `tag` lets the browser replace rather than stack a repeat. */
export interface WebNotice {
  title: string;
  body: string;
  tag: string;
}

/**
 * Web Notifications for pop-ups while the tab is in the background (in the foreground the in-page card
 * already shows it). Permission is asked for only after the person signs in, never on page load.
 */
export function createBrowserNotifier(win: Window & typeof globalThis) {
  const supported = 'Notification' in win;
  return {
    async askPermission(): Promise<void> {
      if (supported && win.Notification.permission === 'default')
        await win.Notification.requestPermission().catch(() => undefined);
    },
    notify(notice: WebNotice, onClick: () => void): void {
      if (
        !supported ||
        win.Notification.permission !== 'granted' ||
        win.document.visibilityState === 'visible'
      )
        return;
      const note = new win.Notification(notice.title, { body: notice.body, tag: notice.tag });
      note.onclick = () => {
        win.focus();
        onClick();
        note.close();
      };
    },
  };
}
