import { useCallback, useEffect, useState } from 'react';
import type { WeeklyRecap } from '../../../../shared/domain/recap-model';
import { useApi } from '../../api/api-context';

/**
 * The agent's latest recap, read online (it is not part of the cached snapshot). Read again when its notice
 * arrives and when the window comes back into view, so a recap delivered while the popover was closed is
 * there when it opens. A failed
 * read shows nothing: the recap is a nicety, Today works without it.
 */
export function useWeeklyRecap(enabled: boolean): WeeklyRecap | null {
  const api = useApi();
  const [recap, setRecap] = useState<WeeklyRecap | null>(null);
  const load = useCallback(async () => {
    try {
      setRecap((await api.getWeeklyRecap()).recap);
    } catch {
      // Offline or the server is older than the recap: keep what was shown.
    }
  }, [api]);
  useEffect(() => {
    if (!enabled) return;
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    const stop = api.onCelebration((c) => {
      if (c.kind === 'weekly_recap') void load();
    });
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stop();
    };
  }, [api, enabled, load]);
  return enabled ? recap : null;
}
