import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useTeamRead } from './use-team-read';

const readOverview = (api: SidekickApi, teamId: string) => api.getTeamOverview({ teamId });

/** Loads a team's overview (online only: supervisor views are not cached), with a reload after each change. */
export function useTeamOverview(teamId: string | null) {
  const { value, ...rest } = useTeamRead(teamId, readOverview);
  return { overview: value, ...rest };
}
