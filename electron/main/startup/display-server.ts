/**
 * Linux display servers and the popover. Since Electron 38 an app runs as a native Wayland client in a
 * Wayland session (`--ozone-platform` defaults to `auto`). A Wayland client cannot place its own windows
 * (setPosition is ignored), cannot stay on top and cannot read the pointer, and the StatusNotifierItem tray
 * has no bounds: the popover would open wherever the compositor puts new windows. So Sidekick runs under
 * XWayland there: `--ozone-platform=x11` on the command line (the desktop entries and `npm start` pass it;
 * Chromium picks the platform before the main script runs, so app.commandLine.appendSwitch is too late),
 * and a launch without it relaunches itself once with it. Without XWayland ($DISPLAY unset) it stays on
 * Wayland and lets the compositor place the popover.
 */
export const XWAYLAND_SWITCH = '--ozone-platform=x11';

export type LinuxDisplayServer = 'x11' | 'xwayland' | 'wayland';

export interface DisplayEnvironment {
  XDG_SESSION_TYPE?: string | undefined;
  DISPLAY?: string | undefined;
  APPIMAGE?: string | undefined;
  /** Set to 1 to keep a native Wayland window anyway (the popover is then placed by the compositor). */
  SIDEKICK_NATIVE_WAYLAND?: string | undefined;
}

/**
 * What this process runs on, from the session type and the `--ozone-platform` switch. Chromium resolves its
 * default before the main script runs and writes the result onto the command line, so
 * app.commandLine.getSwitchValue('ozone-platform') says `wayland` or `x11` even when nobody passed it.
 */
export function linuxDisplayServer(env: DisplayEnvironment, ozonePlatform: string): LinuxDisplayServer {
  const waylandSession = env.XDG_SESSION_TYPE === 'wayland';
  if (ozonePlatform === 'x11') return waylandSession ? 'xwayland' : 'x11';
  if (ozonePlatform === 'wayland') return 'wayland';
  return waylandSession ? 'wayland' : 'x11';
}

export interface RelaunchInput {
  platform: NodeJS.Platform;
  env: DisplayEnvironment;
  ozonePlatform: string;
  argv: readonly string[];
  execPath: string;
}

/** The relaunch under XWayland, or null when this process should go on as it is. */
export function xwaylandRelaunch(input: RelaunchInput): { execPath: string; args: string[] } | null {
  if (input.platform !== 'linux') return null;
  if (linuxDisplayServer(input.env, input.ozonePlatform) !== 'wayland') return null;
  if (!input.env.DISPLAY || input.env.SIDEKICK_NATIVE_WAYLAND === '1') return null;
  // Asking for Wayland on the command line is a choice (the switch value alone is not: Chromium sets it), and
  // a relaunch that still came up on Wayland must not loop.
  if (input.argv.some((arg) => arg === '--ozone-platform=wayland' || arg === XWAYLAND_SWITCH)) return null;
  return {
    // An AppImage runs from a mount that disappears when it exits: relaunch the file the person has.
    execPath: input.env.APPIMAGE ?? input.execPath,
    args: [...input.argv.slice(1), XWAYLAND_SWITCH],
  };
}

/**
 * Whether the pointer position means anything. Under XWayland the X server only sees the pointer over X
 * windows, so after a click on the shell's panel it is stale; on native Wayland there is none.
 */
export const cursorIsTrustworthy = (platform: NodeJS.Platform, server: LinuxDisplayServer | null) =>
  platform !== 'linux' || server === 'x11';
