import type { ClientState } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { clearAllDrafts } from '../../api/use-draft';

/** Signed in, but no state has arrived yet (first start, or the server is unreachable). */
export function ConnectingView({ state }: { state: ClientState }) {
  const api = useApi();
  const offline = state.connection === 'offline';
  return (
    <main className="app center" aria-busy={!offline}>
      <h1>Sidekick</h1>
      <p role="status">
        {offline
          ? 'The server cannot be reached, and nothing has been saved on this device yet.'
          : 'Connecting to your server…'}
      </p>
      {state.lastError && (
        <p className="feedback error" role="alert">
          {state.lastError}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void api.refresh().catch(() => undefined)}>
          Try again
        </button>
        <button
          type="button"
          onClick={() => {
            clearAllDrafts();
            void api.signOut().catch(() => undefined);
          }}
        >
          Sign out
        </button>
      </div>
    </main>
  );
}
