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
