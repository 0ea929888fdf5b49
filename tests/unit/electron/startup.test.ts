import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/startup/app-menu-template';
import { APP_ID, desktopIntegration } from '../../../electron/main/startup/desktop-integration';
import {
  cursorIsTrustworthy,
  linuxDisplayServer,
  xwaylandRelaunch,
} from '../../../electron/main/startup/display-server';
import type { MenuItemConstructorOptions } from 'electron';

describe('Linux display server', () => {
  it('reads the session and the --ozone-platform switch (auto → Wayland in a Wayland session since Electron 38)', () => {
    expect(linuxDisplayServer({ XDG_SESSION_TYPE: 'wayland' }, '')).toBe('wayland');
    expect(linuxDisplayServer({ XDG_SESSION_TYPE: 'wayland' }, 'x11')).toBe('xwayland');
    expect(linuxDisplayServer({ XDG_SESSION_TYPE: 'x11' }, '')).toBe('x11');
    expect(linuxDisplayServer({}, 'wayland')).toBe('wayland');
  });

  it('a native Wayland start relaunches once under XWayland, keeping its arguments', () => {
    const base = {
      platform: 'linux' as const,
      env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' },
      // Chromium writes its own choice onto the command line: this is not an explicit request.
      ozonePlatform: 'wayland',
      argv: ['/opt/Sidekick/sidekick', 'sidekick://pair?server=x'],
      execPath: '/opt/Sidekick/sidekick',
    };
    expect(xwaylandRelaunch(base)).toEqual({
      execPath: '/opt/Sidekick/sidekick',
      args: ['sidekick://pair?server=x', '--ozone-platform=x11'],
    });
    // The AppImage's mount is gone after exit: relaunch the .AppImage file.
    expect(
      xwaylandRelaunch({ ...base, env: { ...base.env, APPIMAGE: '/home/a/Sidekick.AppImage' } })?.execPath,
    ).toBe('/home/a/Sidekick.AppImage');
  });

  it('no relaunch: already XWayland, X11, no XWayland at all, asked for Wayland, or not Linux', () => {
    const base = {
      platform: 'linux' as const,
      env: { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' },
      ozonePlatform: '',
      argv: ['/opt/Sidekick/sidekick'],
      execPath: '/opt/Sidekick/sidekick',
    };
    expect(xwaylandRelaunch({ ...base, ozonePlatform: 'x11' })).toBeNull();
    expect(xwaylandRelaunch({ ...base, env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' } })).toBeNull();
    expect(xwaylandRelaunch({ ...base, env: { XDG_SESSION_TYPE: 'wayland' } })).toBeNull();
    expect(xwaylandRelaunch({ ...base, argv: [...base.argv, '--ozone-platform=wayland'] })).toBeNull();
    expect(xwaylandRelaunch({ ...base, env: { ...base.env, SIDEKICK_NATIVE_WAYLAND: '1' } })).toBeNull();
    expect(xwaylandRelaunch({ ...base, argv: [...base.argv, '--ozone-platform=x11'] })).toBeNull();
    expect(xwaylandRelaunch({ ...base, platform: 'darwin' })).toBeNull();
  });

  it('trusts the pointer only on plain X11 (and on macOS and Windows)', () => {
    expect(cursorIsTrustworthy('linux', 'x11')).toBe(true);
    expect(cursorIsTrustworthy('linux', 'xwayland')).toBe(false);
    expect(cursorIsTrustworthy('linux', 'wayland')).toBe(false);
    expect(cursorIsTrustworthy('win32', null)).toBe(true);
  });
});

describe('what the app registers with the OS', () => {
  it('a development run registers nothing: no sidekick:// handler, no login item, no AppUserModelID', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const dev = desktopIntegration({ isPackaged: false, platform, appImage: undefined });
      expect(dev).toMatchObject({ protocolClient: false, loginItem: false, appUserModelId: null });
      expect(dev.notes[0]).toContain('not registered');
    }
  });

  it('packaged: the protocol and login items everywhere, the AppUserModelID on Windows only', () => {
    expect(desktopIntegration({ isPackaged: true, platform: 'win32', appImage: undefined })).toEqual({
      protocolClient: true,
      appUserModelId: APP_ID,
      loginItem: true,
      notes: [],
    });
    expect(
      desktopIntegration({ isPackaged: true, platform: 'darwin', appImage: undefined }).appUserModelId,
    ).toBeNull();
    expect(
      desktopIntegration({ isPackaged: true, platform: 'linux', appImage: undefined }).protocolClient,
    ).toBe(true);
  });

  it('an AppImage registers no protocol handler and says so', () => {
    const appImage = desktopIntegration({
      isPackaged: true,
      platform: 'linux',
      appImage: '/home/a/S.AppImage',
    });
    expect(appImage.protocolClient).toBe(false);
    expect(appImage.notes[0]).toContain('install the .deb');
  });
});

describe('application menu', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((i) => [
      ...(i.role ? [i.role] : []),
      ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
    ]);

  it('macOS: app, edit and window menus, nothing that reloads or opens DevTools', () => {
    const template = applicationMenuTemplate('darwin', 'Sidekick')!;
    const all = roles(template);
    expect(all).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'undo', 'selectAll', 'close']));
    for (const forbidden of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'zoomIn', 'resetZoom'])
      expect(all).not.toContain(forbidden);
  });

  it('Windows and Linux: no menu at all', () => {
    expect(applicationMenuTemplate('win32', 'Sidekick')).toBeNull();
    expect(applicationMenuTemplate('linux', 'Sidekick')).toBeNull();
  });
});
