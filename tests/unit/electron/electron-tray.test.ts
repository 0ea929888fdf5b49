import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrayMenuItem } from '../../../electron/main/tray/tray-controller';

// The Tray adapter with Electron's Tray, Menu and nativeImage faked, per OS.
vi.mock('electron', () => import('../../integration/sync/fake-electron'));
const { recorded } = await import('../../integration/sync/fake-electron');
const { createElectronTray } = await import('../../../electron/main/platform/electron-tray');

const realPlatform = process.platform;
const onPlatform = (platform: NodeJS.Platform) =>
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
afterEach(() => onPlatform(realPlatform));

const items: TrayMenuItem[] = [{ type: 'item', id: 'open', label: 'Open Sidekick' }];

function make(platform: NodeJS.Platform, icon: string) {
  onPlatform(platform);
  const clicks: unknown[] = [];
  const { view } = createElectronTray(
    '/icons',
    icon,
    () => undefined,
    (_b, p) => clicks.push(p),
  );
  view.setMenu(items);
  return { tray: recorded.trays.at(-1)!, clicks };
}

describe('Electron tray adapter', () => {
  it('macOS: no attached menu (it would swallow the left click); right click pops it up; click opens', () => {
    const { tray, clicks } = make('darwin', 'ring-000Template.png');
    expect(tray.contextMenu).toBeNull();
    tray.emit('right-click', {}, { x: 0, y: 0, width: 22, height: 22 });
    expect(tray.poppedUp).toHaveLength(1);
    tray.emit('click', {}, { x: 0, y: 0, width: 22, height: 22 }, { x: 5, y: 5 });
    expect(clicks).toEqual([{ x: 5, y: 5 }]);
    expect(recorded.trayImages.at(-1)).toEqual({ path: '/icons/ring-000Template.png', template: true });
  });

  it('Windows and Linux: the menu is attached; a click opens with the click position', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { tray, clicks } = make(platform, 'ring-000-dark.png');
      expect(tray.contextMenu).not.toBeNull();
      tray.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 }, { x: 1700, y: 1060 });
      expect(clicks).toEqual([{ x: 1700, y: 1060 }]);
      expect(recorded.trayImages.at(-1)?.template).toBe(false);
    }
  });
});
