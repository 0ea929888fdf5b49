import { externalUrl, isAppUrl } from './url-policy';

/**
 * Decisions for the window-level security hooks (will-navigate, setWindowOpenHandler, permission requests).
 * Pure so they are tested; electron/main/popover/popover-window.ts wires them into Electron.
 */

/** The popover is a single page: it never navigates anywhere but its own pages. */
export function allowNavigation(targetUrl: string, devOrigin: string | null): boolean {
  return isAppUrl(targetUrl, devOrigin);
}

/** New windows are always denied; an http(s) link asks the system browser instead. */
export function windowOpenDecision(targetUrl: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrl(targetUrl) };
}

/** Camera, microphone, geolocation, notifications from the page, … : the companion needs none of them. */
export function allowPermission(_permission: string): boolean {
  return false;
}
