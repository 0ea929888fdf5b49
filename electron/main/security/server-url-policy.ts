/**
 * Which sync servers the desktop app may send its bearer token to. The token travels in the Authorization
 * header and, for the live socket, over ws(s):// to the same host, so a plain http:// server would carry it
 * in clear across the network. https:// is always allowed; http:// only when the host is this computer
 * (the demo server of `npm start`, a server on 127.0.0.1 in tests). Decided on the parsed URL, never on a
 * string prefix: `http://localhost.evil.example` and `http://127.0.0.1@evil.example` are not loopback.
 */
export function serverUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The server address is not a URL.';
  }
  if (url.username || url.password) return 'The server address must not contain a user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return null;
    return `Sidekick only signs in to ${url.host} over https:// (plain http:// would send your token unencrypted; it is allowed for localhost only).`;
  }
  return 'The server address must start with https://.';
}

/** localhost, 127.0.0.0/8 and ::1, as URL parses them (IPv6 hosts keep their brackets in `hostname`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const parts = host.split('.');
  return (
    parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
  );
}
