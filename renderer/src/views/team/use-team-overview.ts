import { useCallback, useEffect, useState } from 'react';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';

/** Loads a team's overview (online only: supervisor views are not cached), with a reload after each change. */
export function useTeamOverview(teamId: string | null) {
  const api = useApi();
  const [overview, setOverview] = useState<TeamOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    if (!teamId) return;
    setLoading(true);
    try {
      setOverview(await api.getTeamOverview({ teamId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, teamId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { overview, error, loading, reload: load };
}
