import type { HelpdeskEvent } from '../../../shared/domain/events';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { UnitOfWork } from '../store/unit-of-work';
import { loadAgentEvents } from '../store/repos/events-repo';
import { refreshBatchOf } from './refresh-batch';

/**
 * The one way the engine reads the events an agent's metrics over `window` are computed from: the set
 * metricEventsFor names (loadAgentEvents), from the ingest batch's prefetch when one holds it.
 */
export async function metricEventsOf(
  uow: UnitOfWork,
  agentId: string,
  window: TimeWindow,
): Promise<HelpdeskEvent[]> {
  const cache = refreshBatchOf(uow)?.events;
  return cache ? cache.agentEvents(agentId, window) : loadAgentEvents(uow.trx, agentId, window);
}
