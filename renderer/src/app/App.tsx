import type { SidekickApi } from '../../../shared/ipc/contract';
import { ApiProvider } from '../api/api-context';
import { Shell } from './Shell';

/** The companion: everything it knows comes from `api` (window.sidekick, or a fake in tests). */
export function App({ api }: { api: SidekickApi }) {
  return (
    <ApiProvider api={api}>
      <Shell />
    </ApiProvider>
  );
}
