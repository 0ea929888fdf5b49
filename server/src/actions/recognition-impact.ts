import { impactSummary } from '../../../shared/domain/impact';
import { monthOf, monthWindow } from '../../../shared/domain/months';
import type { ImpactSummary } from '../../../shared/domain/recognition-model';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { loadAgentEvents } from '../store/repos/events-repo';
import { requireStoredPerson } from './recognition-settings';

/**
 * "This month you helped 312 customers; 28 said thank you": the signed-in person's own impact this calendar
 * month in their time zone, with customers' words and tough tickets turned around. Read with the engine's one
 * loader of an agent's events (loadAgentEvents: their events, plus every rating on the tickets they touched).
 */
export async function myImpact(ctx: AppContext, principal: Principal): Promise<ImpactSummary> {
  const person = await requireStoredPerson(ctx, principal);
  const month = monthOf(ctx.clock().toISOString(), person.timezone);
  const window = monthWindow(month, person.timezone);
  const events = await loadAgentEvents(ctx.store.db, person.id, window);
  return impactSummary({ agentId: person.id, events, month, window });
}
