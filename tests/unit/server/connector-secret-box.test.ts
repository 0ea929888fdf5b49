import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../../server/src/connectors/secret-box';
import { retryAfterMs } from '../../../server/src/connectors/vendor-http';

const key = Buffer.alloc(32, 1);
const credentials = { kind: 'api_token' as const, email: 'admin@acme.example', token: 'very-secret-token' };

describe('connection secrets at rest', () => {
  it('round-trips, never shows the token, and uses a fresh IV each time', () => {
    const a = sealSecret(key, 'conn-1', credentials);
    const b = sealSecret(key, 'conn-1', credentials);
    expect(a).not.toContain('very-secret-token');
    expect(a).not.toBe(b);
    expect(openSecret(key, 'conn-1', a)).toEqual(credentials);
  });

  it('does not open under another key, on another connection, or tampered, and says why', () => {
    const sealed = sealSecret(key, 'conn-1', credentials);
    expect(() => openSecret(Buffer.alloc(32, 2), 'conn-1', sealed)).toThrow(/SIDEKICK_SECRET_KEY/);
    expect(() => openSecret(key, 'conn-2', sealed)).toThrow(/cannot be decrypted/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openSecret(key, 'conn-1', parts.join('.'))).toThrow(/cannot be decrypted/);
    expect(() => openSecret(key, 'conn-1', 'plain text')).toThrow(/not in a format/);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-03-11T12:00:00Z');
  it('reads delta-seconds and HTTP dates, and waits a minute when it cannot', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Wed, 11 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 11 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBe(60_000);
  });
});
