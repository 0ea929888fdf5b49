import type { Kysely } from 'kysely';
import type { Mission } from '../../../shared/domain/mission-model';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import type { Database } from '../store/schema';
import { teamAgentIds } from '../services/people-repo';
import { loadAgentEvents } from './event-loader';

/**
 * The events a mission's metrics are computed from, and whose metrics they are. An agent mission uses the
 * agent's window plus ticket context. A team mission is measured on the team total: every member's events are
 * loaded and credited to one subject, `team:<id>`, so the engine's own definitions (distinct solves, first
 * public reply, latest rating per ticket …) apply to the team as a whole.
 */
export async function loadEventsForMission(db: Kysely<Database>, mission: Mission): Promise<{ subjectId: string; events: HelpdeskEvent[] }> {
  const window = { from: mission.window.start, to: mission.window.end };
  if (mission.scope !== 'team' || !mission.teamId) return { subjectId: mission.agentId, events: await loadAgentEvents(db, mission.agentId, window) };
  const subjectId = `team:${mission.teamId}`;
  const members = new Set(await teamAgentIds(db, mission.teamId));
  const events: HelpdeskEvent[] = [];
  for (const memberId of members) {
    for (const e of await loadAgentEvents(db, memberId, window)) {
      events.push('agentId' in e && e.agentId && members.has(e.agentId) ? ({ ...e, agentId: subjectId } as HelpdeskEvent) : e);
    }
  }
  return { subjectId, events };
}
