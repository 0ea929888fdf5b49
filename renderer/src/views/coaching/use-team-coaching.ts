import { useCallback, useEffect, useState } from 'react';
import type { TeamCoaching } from '../../../../shared/api/supervisor';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/**
 * Loads the supervisor's side of coaching for one team (online only, like the team overview), again whenever
 * the window comes back into view: an agent may have ticked a task or replied in the meantime.
 */
export function useTeamCoaching(teamId: string | null) {
  const api = useApi();
  const [coaching, setCoaching] = useState<TeamCoaching | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    if (!teamId) return;
    setLoading(true);
    try {
      setCoaching(await api.getTeamCoaching({ teamId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, teamId]);
  useEffect(() => {
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);
  return { coaching, error, loading, reload: load };
}
