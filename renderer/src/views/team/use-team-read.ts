import { useCallback, useEffect, useState } from 'react';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/**
 * One online-only read of a team's supervisor data (supervisor views are not cached): loads when the team is
 * known, keeps the last value through a failed reload, and reloads on demand — and, with `reloadOnVisible`,
 * whenever the window comes back into view. `read` must be a module-level function (it is a dependency).
 */
export function useTeamRead<T>(
  teamId: string | null,
  read: (api: SidekickApi, teamId: string) => Promise<T>,
  options: { reloadOnVisible?: boolean } = {},
) {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    if (!teamId) return;
    setLoading(true);
    try {
      setValue(await read(api, teamId));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, teamId, read]);
  const reloadOnVisible = options.reloadOnVisible === true;
  useEffect(() => {
    void load();
    if (!reloadOnVisible) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load, reloadOnVisible]);
  return { value, error, loading, reload: load };
}
