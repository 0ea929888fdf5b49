import type { Kysely } from 'kysely';
import type { Mission } from '../../../shared/domain/mission-model';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import type { Database } from '../store/schema';
import { loadAgentEvents } from './event-loader';

/** The events a mission's metrics are computed from: the agent's window plus ticket context. */
export function loadEventsForMission(db: Kysely<Database>, mission: Mission): Promise<HelpdeskEvent[]> {
  return loadAgentEvents(db, mission.agentId, { from: mission.window.start, to: mission.window.end });
}
