import { useCallback, useEffect, useRef, useState } from 'react';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/**
 * One online-only admin read (the console is never cached): loads on mount, keeps the last value through a
 * failed reload (the error is a sentence beside it), reloads on demand and, with `everyMs`, on a timer while the
 * window is visible. `read` must be a module-level function (it is a dependency).
 */
export function useAdminRead<T>(read: (api: SidekickApi) => Promise<T>, options: { everyMs?: number } = {}) {
  const api = useApi();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    // Set here too, not only at creation: StrictMode mounts, unmounts and mounts again, and a flag left false
    // by the first cleanup would drop every result (the console would stay on "Loading").
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const next = await read(api);
      if (!alive.current) return;
      setValue(next);
      setError(null);
    } catch (e) {
      if (alive.current) setError(errorMessage(e));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [api, read]);
  const everyMs = options.everyMs;
  useEffect(() => {
    void load();
    if (!everyMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs]);
  return { value, error, loading, reload: load };
}
