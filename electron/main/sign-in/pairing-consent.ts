import type { SignInInput } from '../../../shared/ipc';

export interface ConsentQuestion {
  message: string;
  detail: string;
}
/** Asks the person (a native dialog in the app); resolves true only on an explicit yes. */
export type AskConsent = (question: ConsentQuestion) => Promise<boolean>;

/**
 * A pairing link can come from any web page or app, so it never signs in silently: otherwise a page could
 * move someone's companion to a server of its choosing. The question names the server by its full parsed
 * origin (scheme, host and port), so `http://` and an unusual port are as visible as the host name.
 */
export function pairingQuestion(input: SignInInput, signedIn: boolean): ConsentQuestion {
  const origin = new URL(input.serverUrl).origin;
  return {
    message: `Sign in to the Sidekick server at ${origin}?`,
    detail: [
      'A pairing link asked Sidekick to connect to this server.',
      signedIn ? 'This replaces your current sign-in on this computer.' : '',
      'Only continue if your team lead or admin sent you this link.',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

export async function confirmPairing(
  input: SignInInput,
  signedIn: boolean,
  ask: AskConsent,
): Promise<boolean> {
  try {
    return (await ask(pairingQuestion(input, signedIn))) === true;
  } catch {
    return false;
  }
}
