import { useEffect, useRef, useState } from 'react';
import type { ClientState, Settings, SidekickApi } from '../../../shared/ipc/contract';
import { errorMessage } from './error-message';

/**
 * The host's state: the first `getState`, then every pushed `state` event. `initial` is shown until the host
 * answers (the host's answer replaces it).
 */
export function useClientState(
  api: SidekickApi,
  initial: ClientState | null = null,
): { state: ClientState | null; loadError: string | null } {
  const [state, setState] = useState<ClientState | null>(initial);
  /** A pushed state arrived: it is at least as new as the first getState answer, which then changes nothing. */
  const pushed = useRef(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.onState((next) => {
      if (!live) return;
      pushed.current = true;
      setState(next);
    });
    api.getState().then(
      (first) => {
        if (live && !pushed.current) setState(first);
      },
      (error: unknown) => {
        if (live) setLoadError(errorMessage(error));
      },
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { state, loadError };
}

/** Settings live in the host; the renderer reads them once and writes changes through. */
export function useSettings(api: SidekickApi) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getSettings().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await api.updateSettings(patch));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { settings, error, update };
}
