import type { ClientState } from '../../../shared/ipc/contract';
import { useApi } from '../api/api-context';
import { ago } from '../format/time';
import { useNow } from '../components/use-now';

/**
 * Says how fresh what you see is: offline with the age of the last contact, reconnecting, the last error,
 * and how many of your actions are waiting to be delivered. Silent when everything is live.
 */
export function StatusBanner({ state }: { state: ClientState }) {
  const api = useApi();
  const now = useNow();
  const queued = state.pendingActions;
  const queuedText = queued > 0 ? `${queued} ${queued === 1 ? 'action' : 'actions'} queued` : null;
  if (state.connection === 'offline') {
    const asOf = state.staleSince ? `as of ${ago(state.staleSince, now)}` : 'showing the last saved state';
    return (
      <div className="banner banner-offline" role="status">
        <strong>Offline — {asOf}.</strong>{' '}
        {queuedText
          ? `${queuedText}; they will be sent when the server is back.`
          : 'Changes you make are kept and sent later.'}
        {state.lastError && <span className="banner-detail"> ({state.lastError})</span>}{' '}
        <button type="button" className="small" onClick={() => void api.refresh().catch(() => undefined)}>
          Retry now
        </button>
      </div>
    );
  }
  if (state.connection === 'connecting') {
    return (
      <div className="banner banner-connecting" role="status">
        Connecting to the server…{queuedText ? ` ${queuedText}.` : ''}
      </div>
    );
  }
  if (queuedText || state.lastError) {
    return (
      <div className="banner banner-info" role="status">
        {queuedText && <span>{queuedText}, sending now. </span>}
        {state.lastError && <span>Last problem: {state.lastError}</span>}
      </div>
    );
  }
  return null;
}
