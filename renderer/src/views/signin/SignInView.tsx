import { useState, type FormEvent } from 'react';
import { SignInInput, type ClientState } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/** The server this page came from, when it is a web page; Electron's custom protocol has no usable origin. */
function defaultServerUrl(): string {
  const origin = window.location.origin;
  return /^https?:\/\//.test(origin) ? origin : '';
}

/** Sign in with the server address and the personal token your admin gave you. */
export function SignInView({ state }: { state: ClientState }) {
  const api = useApi();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(state.lastError);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SignInInput.safeParse({ serverUrl: serverUrl.trim(), token: token.trim() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        issue?.path[0] === 'token'
          ? 'The token looks too short: paste the whole token you were given.'
          : 'Enter the server address, starting with https:// or http://.',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await api.signIn(parsed.data);
      if (next.connection === 'signed_out')
        setError(next.lastError ?? 'The server did not accept this token.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="app center signin">
      <h1>Sidekick</h1>
      <p className="muted">
        Your missions, streaks and kudos, next to your helpdesk. Sign in with the token from your team lead or
        admin.
      </p>
      <form onSubmit={submit} className="form" aria-label="Sign in">
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
        {error && (
          <p className="feedback error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
