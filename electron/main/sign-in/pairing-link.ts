import { SignInInput } from '../../../shared/ipc';
import { serverUrlProblem } from '../security/server-url-policy';

export const PAIRING_PROTOCOL = 'sidekick';

/**
 * `sidekick://pair?server=https%3A%2F%2Fsidekick.example.com&token=sk_…` → sign-in input. Links arrive from
 * the OS (another app, a browser), so they are untrusted: parsed with URL, then with the contract's schema.
 */
export type PairingResult = { ok: true; input: SignInInput } | { ok: false; error: string };

export function parsePairingLink(raw: string): PairingResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'This is not a Sidekick pairing link.' };
  }
  if (url.protocol !== `${PAIRING_PROTOCOL}:`)
    return { ok: false, error: 'This is not a Sidekick pairing link.' };
  // `sidekick://pair?…` puts "pair" in the host; `sidekick:pair?…` in the path. Accept both spellings.
  const action = url.host || url.pathname.replace(/^\/+/, '');
  if (action !== 'pair') return { ok: false, error: `Unknown Sidekick link action "${action}".` };
  const parsed = SignInInput.safeParse({
    serverUrl: url.searchParams.get('server'),
    token: url.searchParams.get('token'),
  });
  if (!parsed.success)
    return {
      ok: false,
      error: 'The pairing link is incomplete: it needs an http(s) server address and a token.',
    };
  const problem = serverUrlProblem(parsed.data.serverUrl);
  if (problem) return { ok: false, error: `The pairing link was refused: ${problem}` };
  return { ok: true, input: parsed.data };
}

/** On Windows and Linux the link arrives as a command-line argument of a (second) instance. */
export function findPairingLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${PAIRING_PROTOCOL}:`)) ?? null;
}
