import { ExternalUrl } from '../../../shared/ipc';

/** The origin the app's own pages are served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sidekick';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is one of the app's own pages: parsed, then compared by scheme and host, never by string
 * prefix (which `app://sidekick.evil.example` or `app://sidekick@evil` would pass). `devOrigin` is the
 * electron-vite dev server origin, allowed only when the app runs unpackaged with ELECTRON_RENDERER_URL set.
 */
export function isAppUrl(raw: string | undefined | null, devOrigin: string | null = null): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  )
    return true;
  if (devOrigin === null) return false;
  const dev = parse(devOrigin);
  return (
    dev !== null &&
    url.origin === dev.origin &&
    (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1')
  );
}

/** An http(s) URL fit for the system browser, or null. The renderer never gets to open anything else. */
export function externalUrl(raw: unknown): string | null {
  const parsed = ExternalUrl.safeParse(raw);
  if (!parsed.success) return null;
  const url = parse(parsed.data);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return null;
  return url.toString();
}

function parse(raw: string | undefined | null): URL | null {
  if (!raw) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
