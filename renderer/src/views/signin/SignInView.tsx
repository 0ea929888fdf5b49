import { useId, useState, type FormEvent } from 'react';
import { PAIRING_CODE_TTL_MINUTES } from '../../../../shared/api/pairing-code';
import type { ClientState } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/** The server this page came from, when it is a web page; Electron's custom protocol has no usable origin. */
function defaultServerUrl(): string {
  const origin = window.location.origin;
  return /^https?:\/\//.test(origin) ? origin : '';
}

type Way = 'code' | 'token';

/** The input schemas (zod) load when a form is sent, so the sign-in screen draws without them. */
const inputSchemas = () => import('../../../../shared/ipc/contract');

const SERVER_PROBLEM = 'Enter the server address, starting with https:// or http://.';

/**
 * Sign in with a short pairing code your team lead or admin made for you (first: it is what people are handed),
 * or, as the alternative, with the server address and a personal token pasted from elsewhere.
 */
export function SignInView({ state }: { state: ClientState }) {
  const api = useApi();
  const hintId = useId();
  const [way, setWay] = useState<Way>('code');
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(state.lastError);
  const [busy, setBusy] = useState(false);

  const run = async (signIn: () => Promise<ClientState>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await signIn();
      if (next.connection === 'signed_out')
        setError(next.lastError ?? 'The server did not let this device in.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    const { PairDeviceInput } = await inputSchemas();
    const parsed = PairDeviceInput.safeParse({ serverUrl: serverUrl.trim(), code });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        issue?.path[0] === 'code'
          ? 'A pairing code is 8 letters and digits, like ABCD-EFGH. Check it and try again.'
          : SERVER_PROBLEM,
      );
      return;
    }
    // The host gets what was typed (it normalises the code with the same schema).
    await run(() => api.pairDevice({ serverUrl: parsed.data.serverUrl, code }));
  };

  const submitToken = async (event: FormEvent) => {
    event.preventDefault();
    const { SignInInput } = await inputSchemas();
    const parsed = SignInInput.safeParse({ serverUrl: serverUrl.trim(), token: token.trim() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        issue?.path[0] === 'token'
          ? 'The token looks too short: paste the whole token you were given.'
          : SERVER_PROBLEM,
      );
      return;
    }
    await run(() => api.signIn(parsed.data));
  };

  const switchTo = (next: Way) => {
    setWay(next);
    setError(null);
  };

  const serverField = (
    <label>
      Server address
      <input
        type="url"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value)}
        placeholder="https://sidekick.example.com"
        required
        autoComplete="url"
      />
    </label>
  );
  const problem = error && (
    <p className="feedback error" role="alert">
      {error}
    </p>
  );

  return (
    <main className="app center signin" aria-label="Sign in">
      <h1>Sidekick</h1>
      <p className="muted">Your missions, streaks and kudos, next to your helpdesk.</p>
      {way === 'code' ? (
        <form onSubmit={submitCode} className="form" aria-label="Sign in with a pairing code">
          {serverField}
          <label>
            Pairing code
            <input
              className="pairing-code"
              type="text"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="ABCD-EFGH"
              required
              maxLength={20}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={hintId}
            />
          </label>
          <p id={hintId} className="meta">
            Ask your team lead or admin for a code. It works once, for {PAIRING_CODE_TTL_MINUTES} minutes.
          </p>
          {problem}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="link" onClick={() => switchTo('token')}>
            I have a token instead
          </button>
        </form>
      ) : (
        <form onSubmit={submitToken} className="form" aria-label="Sign in with a token">
          {serverField}
          <label>
            Token
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              required
              autoComplete="current-password"
            />
          </label>
          {problem}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="link" onClick={() => switchTo('code')}>
            Use a pairing code instead
          </button>
        </form>
      )}
    </main>
  );
}
