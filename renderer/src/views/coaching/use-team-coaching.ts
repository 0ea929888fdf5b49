import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useTeamRead } from '../team/use-team-read';

const readCoaching = (api: SidekickApi, teamId: string) => api.getTeamCoaching({ teamId });

/**
 * Loads the supervisor's side of coaching for one team (online only, like the team overview), again whenever
 * the window comes back into view: an agent may have ticked a task or replied in the meantime.
 */
export function useTeamCoaching(teamId: string | null) {
  const { value, ...rest } = useTeamRead(teamId, readCoaching, { reloadOnVisible: true });
  return { coaching: value, ...rest };
}
