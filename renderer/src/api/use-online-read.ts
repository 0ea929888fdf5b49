import { useCallback, useEffect, useState } from 'react';
import type { SidekickApi } from '../../../shared/ipc/contract';
import { useApi } from './api-context';
import { errorMessage } from './error-message';

/**
 * One online-only read of the server (recognition is not cached on the device): loads on mount and when `key`
 * changes, keeps the last value through a failed reload, reloads on demand. `read` must be a module-level
 * function (it is a dependency); `key` null waits.
 */
export function useOnlineRead<T>(key: string | null, read: (api: SidekickApi, key: string) => Promise<T>) {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    if (key === null) return;
    setLoading(true);
    try {
      setValue(await read(api, key));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, key, read]);
  useEffect(() => {
    void load();
  }, [load]);
  return { value, setValue, error, loading, reload: load };
}
