import type { Mission } from '../../../shared/domain/mission-model';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import type { UnitOfWork } from '../store/unit-of-work';
import { teamAgentIds } from '../store/repos/teams-repo';
import { metricEventsOf } from './event-loader';
import { refreshBatchOf } from './refresh-batch';

/**
 * The events a mission's metrics are computed from, and whose metrics they are. An agent mission uses the
 * agent's window plus ticket context. A team mission is measured on the team total: every member's events are
 * loaded and credited to one subject, `team:<id>`, so the engine's own definitions (distinct solves, first
 * public reply, latest rating per ticket …) apply to the team as a whole.
 */
/** A team mission's members and their metric events over its window, as stored (no agent rewritten). */
export async function loadMemberEventsForMission(
  uow: UnitOfWork,
  mission: Mission,
): Promise<{ members: Set<string>; events: HelpdeskEvent[] }> {
  const window = { from: mission.window.start, to: mission.window.end };
  const members = new Set(mission.teamId ? await teamAgentIds(uow.trx, mission.teamId) : [mission.agentId]);
  await refreshBatchOf(uow)?.events.prefetch(members, new Date(window.from).toISOString());
  const events: HelpdeskEvent[] = [];
  for (const memberId of members) events.push(...(await metricEventsOf(uow, memberId, window)));
  return { members, events };
}

export async function loadEventsForMission(
  uow: UnitOfWork,
  mission: Mission,
): Promise<{ subjectId: string; events: HelpdeskEvent[] }> {
  const db = uow.trx;
  const cache = refreshBatchOf(uow)?.events;
  const window = { from: mission.window.start, to: mission.window.end };
  const load = (agentId: string) => metricEventsOf(uow, agentId, window);
  if (mission.scope !== 'team' || !mission.teamId)
    return { subjectId: mission.agentId, events: await load(mission.agentId) };
  const subjectId = `team:${mission.teamId}`;
  const members = new Set(await teamAgentIds(db, mission.teamId));
  // In a batch, every member's window is read in one query rather than one per member.
  await cache?.prefetch(members, new Date(window.from).toISOString());
  const events: HelpdeskEvent[] = [];
  for (const memberId of members) {
    for (const e of await load(memberId)) {
      events.push(
        'agentId' in e && e.agentId && members.has(e.agentId)
          ? ({ ...e, agentId: subjectId } as HelpdeskEvent)
          : e,
      );
    }
  }
  return { subjectId, events };
}
