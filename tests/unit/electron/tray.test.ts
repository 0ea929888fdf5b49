import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTrayController,
  trayTooltip,
  type TrayMenuItem,
} from '../../../electron/main/tray/tray-controller';
import { ringStep, trayIconFile } from '../../../electron/main/tray/tray-icons';
import { runTrayCommand } from '../../../electron/main/tray/tray-commands';
import { darkTaskbar, parseSystemUsesLightTheme } from '../../../electron/main/tray/taskbar-theme';
import {
  initialTrayIcon,
  isTemplateIcon,
  trayMenuAttachment,
} from '../../../electron/main/tray/tray-interaction';
import { DEFAULT_SETTINGS, type ClientState, type Settings } from '../../../shared/ipc';
import { applyFeedEntries } from '../../../shared/sync';
import { agentSnapshot, kudosEntry } from '../sync/fixtures';

const iconDir = fileURLToPath(new URL('../../../assets/tray', import.meta.url));
const online = (snapshot = agentSnapshot()): ClientState => ({
  connection: 'online',
  snapshot,
  staleSince: null,
  pendingActions: 0,
  lastError: null,
});

function fakeTray() {
  const calls: string[] = [];
  let menu: TrayMenuItem[] = [];
  return {
    calls,
    menu: () => menu,
    view: {
      setImage: (f: string) => calls.push(`image:${f}`),
      setToolTip: (t: string) => calls.push(`tooltip:${t}`),
      setTitle: (t: string) => calls.push(`title:${t}`),
      setMenu: (items: TrayMenuItem[]) => {
        menu = items;
        calls.push('menu');
      },
    },
  };
}

describe('tray icons', () => {
  it('every icon the picker can name exists in assets/tray', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const)
      for (const darkTaskbar of [false, true])
        for (const badge of [false, true])
          for (let i = 0; i <= 20; i++) {
            const file = trayIconFile({ platform, darkTaskbar, ratio: i / 20, badge });
            expect(existsSync(join(iconDir, file)), file).toBe(true);
          }
  });

  it('rounds progress down to 10% steps and shows a full ring only when done', () => {
    expect([null, 0, 0.05, 0.3, 0.999, 1, 1.2].map(ringStep)).toEqual([0, 0, 0, 30, 90, 100, 100]);
  });
  it('picks template images on macOS, .ico on Windows, and the theme on Linux', () => {
    expect(trayIconFile({ platform: 'darwin', darkTaskbar: true, ratio: 0.3, badge: true })).toBe(
      'ring-030-badgeTemplate.png',
    );
    expect(trayIconFile({ platform: 'win32', darkTaskbar: true, ratio: 0.3, badge: false })).toBe(
      'ring-030-dark.ico',
    );
    expect(trayIconFile({ platform: 'linux', darkTaskbar: true, ratio: 0.3, badge: false })).toBe(
      'ring-030-dark.png',
    );
    expect(trayIconFile({ platform: 'linux', darkTaskbar: false, ratio: 0.3, badge: true })).toBe(
      'ring-030-light-badge.png',
    );
  });
});

describe('tray controller', () => {
  it('shows the current mission as a ring and in the tooltip', () => {
    const tray = fakeTray();
    createTrayController({ view: tray.view, platform: 'linux', darkTaskbar: () => true }).render(
      online(),
      DEFAULT_SETTINGS,
    );
    expect(tray.calls).toContain('image:ring-030-dark.png');
    expect(tray.calls).toContain(
      'tooltip:Sidekick: Solve 40 tickets this week: 12 of 40 solved, 3 days left',
    );
  });

  it('badges unread kudos and touches the tray only when something changed', () => {
    const tray = fakeTray();
    const controller = createTrayController({
      view: tray.view,
      platform: 'darwin',
      darkTaskbar: () => false,
    });
    const state = online(applyFeedEntries(agentSnapshot(), [kudosEntry(1), kudosEntry(2)]));
    controller.render(state, DEFAULT_SETTINGS);
    expect(tray.calls).toContain('image:ring-030-badgeTemplate.png');
    expect(tray.calls).toContain('title:2');
    tray.calls.length = 0;
    controller.render(state, DEFAULT_SETTINGS);
    expect(tray.calls).toEqual([]);
  });

  it('menu: open, focus, quiet hours, start at login, sign out, quit; checked from settings', () => {
    const tray = fakeTray();
    createTrayController({ view: tray.view, platform: 'win32', darkTaskbar: () => false }).render(online(), {
      ...DEFAULT_SETTINGS,
      focusMode: true,
    });
    const items = tray.menu().filter((i) => i.type === 'item');
    expect(items.map((i) => i.id)).toEqual(['open', 'focus', 'quiet', 'login', 'signout', 'quit']);
    expect(items.find((i) => i.id === 'focus')?.checked).toBe(true);
  });

  it('says when it is signed out or offline', () => {
    expect(
      trayTooltip({
        connection: 'signed_out',
        snapshot: null,
        staleSince: null,
        pendingActions: 0,
        lastError: null,
      }),
    ).toBe('Sidekick: not signed in');
    expect(
      trayTooltip({ ...online(), connection: 'offline', staleSince: '2026-11-20T09:00:00.000Z' }),
    ).toContain('offline');
  });

  it('menu commands flip the settings they name', async () => {
    let settings: Settings = DEFAULT_SETTINGS;
    const done: string[] = [];
    const deps = {
      openPopover: () => done.push('open'),
      getSettings: () => settings,
      updateSettings: async (patch: Partial<Settings>) => (settings = { ...settings, ...patch }),
      signOut: async () => done.push('signout'),
      quit: () => done.push('quit'),
    };
    await runTrayCommand('focus', deps);
    await runTrayCommand('quiet', deps);
    await runTrayCommand('login', deps);
    expect(settings).toMatchObject({ focusMode: true, startAtLogin: true, quietHours: { enabled: true } });
    await runTrayCommand('focus', deps);
    expect(settings.focusMode).toBe(false);
    await runTrayCommand('signout', deps);
    expect(done).toEqual(['signout']);
  });
});

describe('tray interaction per OS', () => {
  it('macOS pops the menu up on a right click so a left click can open the popover', () => {
    expect(trayMenuAttachment('darwin')).toBe('right-click-pop-up');
    expect(trayMenuAttachment('win32')).toBe('attached');
    expect(trayMenuAttachment('linux')).toBe('attached');
  });

  it('the first tray image is already a template image on macOS', () => {
    const first = initialTrayIcon('darwin', true);
    expect(first).toBe('ring-000Template.png');
    expect(isTemplateIcon(first)).toBe(true);
    expect(existsSync(join(iconDir, first))).toBe(true);
    expect(isTemplateIcon(initialTrayIcon('linux', true))).toBe(false);
    expect(initialTrayIcon('win32', false)).toBe('ring-000-light.ico');
  });
});

describe('tray icon contrast follows the taskbar, not the app theme', () => {
  const base = { desktop: undefined, appDark: false, windowsTaskbarLight: null };
  it("Windows: SystemUsesLightTheme, whatever the apps' theme; dark when unreadable", () => {
    expect(darkTaskbar({ ...base, platform: 'win32', appDark: false, windowsTaskbarLight: false })).toBe(
      true,
    );
    expect(darkTaskbar({ ...base, platform: 'win32', appDark: true, windowsTaskbarLight: true })).toBe(false);
    expect(darkTaskbar({ ...base, platform: 'win32' })).toBe(true);
  });
  it("GNOME's top bar is dark in the light style too; other panels follow the theme", () => {
    expect(darkTaskbar({ ...base, platform: 'linux', desktop: 'ubuntu:GNOME' })).toBe(true);
    expect(darkTaskbar({ ...base, platform: 'linux', desktop: 'KDE' })).toBe(false);
    expect(darkTaskbar({ ...base, platform: 'linux', desktop: 'KDE', appDark: true })).toBe(true);
  });
  it("reads reg.exe's answer", () => {
    const out = (v: string) =>
      `\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n    SystemUsesLightTheme    REG_DWORD    ${v}\r\n`;
    expect(parseSystemUsesLightTheme(out('0x0'))).toBe(false);
    expect(parseSystemUsesLightTheme(out('0x1'))).toBe(true);
    expect(
      parseSystemUsesLightTheme('ERROR: The system was unable to find the specified registry key'),
    ).toBeNull();
  });
});
