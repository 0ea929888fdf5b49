import { describe, expect, it } from 'vitest';
import { confirmPairing, pairingQuestion } from '../../../electron/main/sign-in/pairing-consent';

const input = { serverUrl: 'https://sidekick.example.com/', token: 'sk_abcdefghijklmnopqrstuvwxyz' };

describe('pairing consent', () => {
  it('names the server by its full origin and warns when it replaces a sign-in', () => {
    const q = pairingQuestion(input, true);
    expect(q.message).toBe('Sign in to the Sidekick server at https://sidekick.example.com?');
    expect(pairingQuestion({ ...input, serverUrl: 'http://127.0.0.1:4100/some/path' }, false).message).toBe(
      'Sign in to the Sidekick server at http://127.0.0.1:4100?',
    );
    expect(q.detail).toContain('replaces your current sign-in');
    expect(pairingQuestion(input, false).detail).not.toContain('replaces');
  });

  it('signs in only on an explicit yes; a refusal or a failed dialog is a no', async () => {
    await expect(confirmPairing(input, false, async () => true)).resolves.toBe(true);
    await expect(confirmPairing(input, false, async () => false)).resolves.toBe(false);
    await expect(
      confirmPairing(input, false, async () => Promise.reject(new Error('no display'))),
    ).resolves.toBe(false);
  });
});
