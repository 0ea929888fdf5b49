import type { Mission, MissionView } from '../../../shared/domain/mission-model';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import { settleMission } from '../../../shared/domain/missions';
import type { UnitOfWork } from '../store/unit-of-work';
import { activeTeamMissions } from '../store/repos/missions-repo';
import { activeMissionsFor, storeMission, withBatchWrites } from './batch-state';
import { teamAgentIds } from '../store/repos/teams-repo';
import { talliesOver } from './tallies';
import { metricsFromTallies } from '../../../shared/domain/metric-tallies';
import { recordAchievement } from './growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { refreshBatchOf } from './refresh-batch';

/**
 * Re-evaluates one mission from the stored tallies of its window (engine: metricsFromTallies → settleMission), stores
 * the result and feeds `mission.upserted` when anything a person sees changed; a completion lands on the
 * timeline with its reward and a celebration. `isNew` forces the first feed entry.
 */
export async function refreshMission(
  uow: UnitOfWork,
  mission: Mission,
  timezone: string,
  isNew = false,
  previous?: MissionView,
  precomputed?: AgentMetrics,
): Promise<MissionView> {
  const metrics = precomputed ?? (await missionMetrics(uow, mission, timezone));
  const settled = settleMission(mission, metrics, uow.now);
  const view: MissionView = {
    mission: { ...mission, status: settled.status, settledAt: settled.settledAt },
    progress: settled.progress,
  };
  const changed =
    isNew ||
    !previous ||
    previous.mission.status !== view.mission.status ||
    previous.progress.state !== view.progress.state ||
    previous.progress.value !== view.progress.value ||
    previous.progress.sample !== view.progress.sample ||
    previous.progress.sentence !== view.progress.sentence;
  if (!changed) return view;
  await storeMission(uow, view);
  uow.feed(mission.agentId, 'mission.upserted', view);
  if (mission.status === 'active' && view.mission.status === 'completed') {
    const entry = timelineEntryFor({ kind: 'mission_completed', mission: view.mission, at: uow.now });
    await recordAchievement(
      uow,
      { ...entry, detail: entry.detail ?? view.progress.sentence },
      celebrationFor({ kind: 'mission_completed', mission: view.mission }, uow.now, `mission:${mission.id}`),
    );
  }
  return view;
}

async function missionMetrics(uow: UnitOfWork, mission: Mission, timezone: string): Promise<AgentMetrics> {
  const window = { from: mission.window.start, to: mission.window.end };
  if (mission.scope !== 'team' || !mission.teamId) {
    const tallies = await talliesOver(uow, [mission.agentId], window);
    return metricsFromTallies({ agentId: mission.agentId, tallies, window, timezone });
  }
  // The team total: every member's stored tallies together (metricsFromTallies with the members as agentIds
  // equals computeMetrics over their events credited to one subject). In a batch, every team mission of a
  // window reads the same members' tallies: gathered once.
  const batch = refreshBatchOf(uow);
  const key = JSON.stringify([mission.teamId, mission.window.start, mission.window.end]);
  let team = batch?.teamTallies.get(key);
  if (!team) {
    const members = [...new Set(await teamAgentIds(uow.trx, mission.teamId))];
    team = { members, tallies: await talliesOver(uow, members, window) };
    batch?.teamTallies.set(key, team);
  }
  return metricsFromTallies({
    agentId: `team:${mission.teamId}`,
    agentIds: team.members,
    tallies: team.tallies,
    window,
    timezone,
  });
}

/** Team missions assigned together share team, title, metric, target and window: one row per member. */
function groupKey(m: Mission): string {
  return JSON.stringify([
    m.teamId,
    m.title,
    m.metric,
    m.comparator,
    m.target,
    new Date(m.window.start).toISOString(),
    new Date(m.window.end).toISOString(),
  ]);
}

/** Every member's row of a team mission, refreshed from one computation of the team total. */
async function refreshTeamGroup(uow: UnitOfWork, mission: Mission, timezone: string): Promise<void> {
  if (!mission.teamId) return;
  const key = groupKey(mission);
  const siblings = withBatchWrites(uow, await activeTeamMissions(uow.trx, mission.teamId)).filter(
    (v) => v.mission.scope === 'team' && groupKey(v.mission) === key,
  );
  const metrics = await missionMetrics(uow, mission, timezone);
  for (const view of siblings) await refreshMission(uow, view.mission, timezone, false, view, metrics);
}

/** Refreshes the agent's active missions whose window holds any of `instants` (or all, when omitted). */
export async function refreshActiveMissions(
  uow: UnitOfWork,
  agentId: string,
  timezone: string,
  instants?: string[],
): Promise<void> {
  // Within an ingest batch a team group recomputed in the same time zone would give the same answer again
  // (same events, same instant), so it is recomputed once per batch and time zone, not once per member.
  const groupsDone = refreshBatchOf(uow)?.teamGroupsDone ?? new Map<string, string>();
  const doneHere = new Set<string>();
  for (const view of await activeMissionsFor(uow, agentId)) {
    const { start, end } = view.mission.window;
    const touched =
      !instants ||
      instants.some((at) => at >= new Date(start).toISOString() && at < new Date(end).toISOString());
    const windowClosed = uow.now >= new Date(end).toISOString();
    if (!touched && !windowClosed) continue;
    if (view.mission.scope === 'team') {
      const key = groupKey(view.mission);
      if (!doneHere.has(key) && groupsDone.get(key) !== timezone)
        await refreshTeamGroup(uow, view.mission, timezone);
      groupsDone.set(key, timezone);
      doneHere.add(key);
    } else await refreshMission(uow, view.mission, timezone, false, view);
  }
}
