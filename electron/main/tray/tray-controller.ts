import type { Snapshot } from '../../../shared/api';
import type { ClientState, Settings } from '../../../shared/ipc';
import { trayIconFile } from './tray-icons';

export type TrayCommand = 'open' | 'focus' | 'quiet' | 'login' | 'signout' | 'quit';
export type TrayMenuItem =
  | { type: 'item'; id: TrayCommand; label: string; checked?: boolean; enabled?: boolean }
  | { type: 'separator' };

/** What the controller asks of the tray; the Electron adapter maps it onto Tray and Menu. */
export interface TrayView {
  setImage(fileName: string): void;
  setToolTip(text: string): void;
  /** macOS shows text next to the icon; used for the unread-kudos count. Other platforms ignore it. */
  setTitle(text: string): void;
  setMenu(items: TrayMenuItem[]): void;
}

export interface TrayControllerOptions {
  view: TrayView;
  platform: NodeJS.Platform;
  darkTaskbar: () => boolean;
}

/** The mission the ring shows: the running one that ends soonest. */
export function currentMission(snapshot: Snapshot | null) {
  const running = (snapshot?.missions ?? []).filter((m) => m.mission.status === 'active');
  return (
    running.sort((a, b) => Date.parse(a.mission.window.end) - Date.parse(b.mission.window.end))[0] ?? null
  );
}

export const unreadKudos = (snapshot: Snapshot | null) =>
  (snapshot?.kudos.inbox ?? []).filter((k) => k.readAt === null).length;

export function trayTooltip(state: ClientState): string {
  if (state.connection === 'signed_out') return 'Sidekick: not signed in';
  const mission = currentMission(state.snapshot);
  const parts = [mission ? `${mission.mission.title}: ${mission.progress.sentence}` : 'No running mission'];
  const unread = unreadKudos(state.snapshot);
  if (unread) parts.push(`${unread} new kudos`);
  if (state.connection !== 'online') parts.push('offline');
  // Windows cuts tray tooltips at 127 characters.
  const text = `Sidekick: ${parts.join(' · ')}`;
  return text.length > 127 ? `${text.slice(0, 126)}…` : text;
}

export function trayMenu(state: ClientState, settings: Settings): TrayMenuItem[] {
  const signedIn = state.connection !== 'signed_out';
  return [
    { type: 'item', id: 'open', label: 'Open Sidekick' },
    { type: 'separator' },
    { type: 'item', id: 'focus', label: 'Focus mode', checked: settings.focusMode },
    {
      type: 'item',
      id: 'quiet',
      label: `Quiet hours (${settings.quietHours.start}–${settings.quietHours.end})`,
      checked: settings.quietHours.enabled,
    },
    { type: 'item', id: 'login', label: 'Start at login', checked: settings.startAtLogin },
    { type: 'separator' },
    { type: 'item', id: 'signout', label: 'Sign out', enabled: signedIn },
    { type: 'item', id: 'quit', label: 'Quit Sidekick' },
  ];
}

/** Renders state onto the tray, touching it only when something visible changed. */
export function createTrayController(options: TrayControllerOptions) {
  let last = { image: '', tooltip: '', title: '', menu: '' };
  return {
    render(state: ClientState, settings: Settings) {
      const mission = currentMission(state.snapshot);
      const unread = unreadKudos(state.snapshot);
      const next = {
        image: trayIconFile({
          platform: options.platform,
          darkTaskbar: options.darkTaskbar(),
          ratio: mission?.progress.ratio ?? null,
          badge: unread > 0,
        }),
        tooltip: trayTooltip(state),
        title: unread > 0 ? String(unread) : '',
        menu: JSON.stringify(trayMenu(state, settings)),
      };
      if (next.image !== last.image) options.view.setImage(next.image);
      if (next.tooltip !== last.tooltip) options.view.setToolTip(next.tooltip);
      if (next.title !== last.title) options.view.setTitle(next.title);
      if (next.menu !== last.menu) options.view.setMenu(trayMenu(state, settings));
      last = next;
    },
  };
}
