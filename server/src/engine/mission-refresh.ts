import type { Mission, MissionView } from '../../../shared/domain/mission-model';
import { computeMetrics } from '../../../shared/domain/metrics';
import { settleMission } from '../../../shared/domain/missions';
import type { UnitOfWork } from '../store/unit-of-work';
import { activeMissions, saveMission } from '../services/missions-repo';
import { loadEventsForMission } from './mission-events';
import { recordAchievement } from './growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';

/**
 * Re-evaluates one mission from the events of its window (engine: computeMetrics → settleMission), stores
 * the result and feeds `mission.upserted` when anything a person sees changed; a completion lands on the
 * timeline with its reward and a celebration. `isNew` forces the first feed entry.
 */
export async function refreshMission(uow: UnitOfWork, mission: Mission, timezone: string, isNew = false, previous?: MissionView): Promise<MissionView> {
  const events = await loadEventsForMission(uow.trx, mission);
  const metrics = computeMetrics({ agentId: mission.agentId, events, window: { from: mission.window.start, to: mission.window.end }, timezone });
  const settled = settleMission(mission, metrics, uow.now);
  const view: MissionView = { mission: { ...mission, status: settled.status, settledAt: settled.settledAt }, progress: settled.progress };
  const changed =
    isNew ||
    !previous ||
    previous.mission.status !== view.mission.status ||
    previous.progress.state !== view.progress.state ||
    previous.progress.value !== view.progress.value ||
    previous.progress.sample !== view.progress.sample ||
    previous.progress.sentence !== view.progress.sentence;
  if (!changed) return view;
  await saveMission(uow.trx, view, uow.now);
  uow.feed(mission.agentId, 'mission.upserted', view);
  if (mission.status === 'active' && view.mission.status === 'completed') {
    const entry = timelineEntryFor({ kind: 'mission_completed', mission: view.mission, at: uow.now });
    await recordAchievement(uow, { ...entry, detail: entry.detail ?? view.progress.sentence }, celebrationFor({ kind: 'mission_completed', mission: view.mission }, uow.now, `mission:${mission.id}`));
  }
  return view;
}

/** Refreshes the agent's active missions whose window holds any of `instants` (or all, when omitted). */
export async function refreshActiveMissions(uow: UnitOfWork, agentId: string, timezone: string, instants?: string[]): Promise<void> {
  for (const view of await activeMissions(uow.trx, agentId)) {
    const { start, end } = view.mission.window;
    const touched = !instants || instants.some((at) => at >= new Date(start).toISOString() && at < new Date(end).toISOString());
    const windowClosed = uow.now >= new Date(end).toISOString();
    if (touched || windowClosed) await refreshMission(uow, view.mission, timezone, false, view);
  }
}
