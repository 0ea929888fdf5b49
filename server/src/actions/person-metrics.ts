import { computeMetrics } from '../../../shared/domain/metrics';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { DomainError } from '../core/errors';
import { loadAgentEvents } from '../store/repos/events-repo';
import { requireReadablePerson } from './access';

const MAX_WINDOW_MS = 400 * 86_400_000;

/** A person's metrics over a window (engine: computeMetrics) in their time zone: admin, their supervisor, or them. */
export async function personMetrics(
  ctx: AppContext,
  principal: Principal,
  personId: string,
  window: TimeWindow,
): Promise<AgentMetrics> {
  if (Date.parse(window.to) - Date.parse(window.from) > MAX_WINDOW_MS)
    throw new DomainError('invalid', 'window_too_long', 'Ask for at most 400 days at a time.');
  const person = await requireReadablePerson(ctx.store.db, principal, personId);
  const events = await loadAgentEvents(ctx.store.db, person.id, window);
  return computeMetrics({ agentId: person.id, events, window, timezone: person.timezone });
}
