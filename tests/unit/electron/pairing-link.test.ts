import { describe, expect, it } from 'vitest';
import { findPairingLink, parsePairingLink } from '../../../electron/main/sign-in/pairing-link';

const token = 'sk_pairing_token_0123456789';

describe('pairing links', () => {
  it('reads server and token from sidekick://pair', () => {
    const link = `sidekick://pair?server=${encodeURIComponent('https://sidekick.example.com')}&token=${token}`;
    expect(parsePairingLink(link)).toEqual({
      ok: true,
      input: { serverUrl: 'https://sidekick.example.com', token },
    });
  });
  it('refuses other schemes, other actions, and non-http servers', () => {
    expect(parsePairingLink(`https://pair?server=https://x.example&token=${token}`)).toMatchObject({
      ok: false,
    });
    expect(parsePairingLink(`sidekick://wipe?server=https://x.example&token=${token}`)).toEqual({
      ok: false,
      error: 'Unknown Sidekick link action "wipe".',
    });
    expect(
      parsePairingLink(`sidekick://pair?server=${encodeURIComponent('file:///etc')}&token=${token}`),
    ).toMatchObject({ ok: false });
    expect(parsePairingLink('sidekick://pair?server=https://x.example&token=short')).toMatchObject({
      ok: false,
    });
  });
  it('refuses a plain http:// server unless it is this computer', () => {
    const link = (server: string) => `sidekick://pair?server=${encodeURIComponent(server)}&token=${token}`;
    expect(parsePairingLink(link('http://sidekick.example.com'))).toEqual({
      ok: false,
      error:
        'The pairing link was refused: Sidekick only signs in to sidekick.example.com over https:// (plain http:// would send your token unencrypted; it is allowed for localhost only).',
    });
    expect(parsePairingLink(link('http://localhost.evil.example'))).toMatchObject({ ok: false });
    expect(parsePairingLink(link('http://127.0.0.1:4100'))).toMatchObject({ ok: true });
  });
  it('finds the link among command-line arguments', () => {
    expect(
      findPairingLink([
        '/opt/Sidekick/sidekick',
        '--no-sandbox-is-not-here',
        `sidekick://pair?token=${token}`,
      ]),
    ).toBe(`sidekick://pair?token=${token}`);
    expect(findPairingLink(['/opt/Sidekick/sidekick'])).toBeNull();
  });
});
