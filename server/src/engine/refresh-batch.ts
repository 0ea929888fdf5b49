import type { UnitOfWork } from '../store/unit-of-work';
import type { TeamRecord } from '../../../shared/api/admin';
import type { Celebration, TimelineEntry } from '../../../shared/domain/growth-model';
import type { AgentDayTally } from '../../../shared/domain/metric-tallies';
import { loadTeam } from '../store/repos/teams-repo';
import { TallyCache } from './tally-cache';
import { BatchState } from './batch-state';

/**
 * What the refreshes of one ingest batch share: the stored tallies (read once for all touched agents), the team
 * missions already recomputed (a team mission is refreshed once per batch, not once per touched member), and
 * the teams read. Lives exactly as long as its unit of work; without one every refresh reads for itself.
 */
export interface RefreshBatch {
  tallies: TallyCache;
  /** Team mission group → the time zone it was last recomputed in during this batch. */
  teamGroupsDone: Map<string, string>;
  /** Person state, points and missions of the touched agents, read up front and written at the end. */
  state: BatchState;
  /** Personal bests to celebrate, recorded together at the end of the batch (most exist already). */
  pendingBests: { entry: TimelineEntry; celebration: Celebration | null }[];
  /** Team (and window) → its members and their tallies, shared by the team's missions of that window. */
  teamTallies: Map<string, { members: string[]; tallies: AgentDayTally[] }>;
  /**
   * Agents whose growth plan an achievement of this batch may have built: read again after the batch's rows
   * are written (flushBatchState), since a mission completed in the batch is still active in the table until then.
   */
  pendingPlans: Set<string>;
  /** Achievements of the batch, recorded together once its rows are written (recordBatchAchievements). */
  pendingAchievements: { entry: TimelineEntry; celebration: Celebration | null }[];
  team(teamId: string): Promise<TeamRecord | null>;
}

const batches = new WeakMap<UnitOfWork, RefreshBatch>();

export function beginRefreshBatch(uow: UnitOfWork): RefreshBatch {
  const teams = new Map<string, Promise<TeamRecord | null>>();
  const batch: RefreshBatch = {
    tallies: new TallyCache(),
    teamGroupsDone: new Map(),
    state: new BatchState(),
    pendingBests: [],
    teamTallies: new Map(),
    pendingPlans: new Set(),
    pendingAchievements: [],
    team: (teamId) => {
      let team = teams.get(teamId);
      if (!team) teams.set(teamId, (team = loadTeam(uow.trx, teamId)));
      return team;
    },
  };
  batches.set(uow, batch);
  return batch;
}

export function refreshBatchOf(uow: UnitOfWork): RefreshBatch | undefined {
  return batches.get(uow);
}

export function endRefreshBatch(uow: UnitOfWork): void {
  batches.delete(uow);
}
