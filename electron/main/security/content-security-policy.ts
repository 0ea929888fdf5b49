/**
 * The CSP every app page is served with (as a response header by app-protocol.ts). The renderer talks to the
 * world only through window.sidekick, so it needs no network: connect-src 'self' reaches only the app's own
 * bundled files on app:// (the PDF export fetches its embedded font that way), never a server. Inline styles stay
 * allowed for the charting and animation libraries' style attributes; scripts never run inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
