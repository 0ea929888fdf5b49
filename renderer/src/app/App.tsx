import type { ClientState, SidekickApi } from '../../../shared/ipc/contract';
import { ApiProvider } from '../api/api-context';
import { Shell } from './Shell';

/**
 * The companion: everything it knows comes from `api` (window.sidekick, or a fake in tests). `initialState`
 * is what to show before the host's first state arrives, when it is already known (a tab with no session).
 */
export function App({ api, initialState = null }: { api: SidekickApi; initialState?: ClientState | null }) {
  return (
    <ApiProvider api={api}>
      <Shell initialState={initialState} />
    </ApiProvider>
  );
}
