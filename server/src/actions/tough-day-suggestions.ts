import { TOUGH_DAY_LOOKBACK_DAYS, toughDaySuggestions } from '../../../shared/domain/tough-days';
import type { ToughDaySuggestions } from '../../../shared/domain/recognition-model';
import { addDays, dayWindow, localDateOf } from '../../../shared/domain/time';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { canManageTeam } from './access';
import { loadPerson } from '../store/repos/people-repo';
import { loadTeam, teamAgentIds } from '../store/repos/teams-repo';
import { loadAgentEvents } from '../store/repos/events-repo';
import { inbox } from '../store/repos/kudos-repo';

/**
 * Reasons for kudos, for the team's supervisors: the agents' tough days of the last TOUGH_DAY_LOOKBACK_DAYS days
 * (from local midnight in the team's zone) that no "Tough customer" kudos has recognised yet. A tough day is
 * never a penalty and is shown nowhere else.
 */
export async function toughDays(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
): Promise<ToughDaySuggestions> {
  if (principal.role === 'agent') throw forbidden('Reasons for kudos are for the team’s supervisors.');
  const db = ctx.store.db;
  const team = await loadTeam(db, teamId);
  if (!team) throw notFound('The team');
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  const now = ctx.clock().toISOString();
  const since = addDays(localDateOf(now, team.timezone), -(TOUGH_DAY_LOOKBACK_DAYS - 1));
  const window = { from: dayWindow(since, team.timezone).from, to: now };
  const people = [];
  const eventsByAgent: Record<string, Awaited<ReturnType<typeof loadAgentEvents>>> = {};
  const kudos = [];
  for (const agentId of await teamAgentIds(db, teamId)) {
    const person = await loadPerson(db, agentId);
    if (!person) continue;
    people.push({ personId: person.id, name: person.name, timezone: person.timezone });
    eventsByAgent[person.id] = await loadAgentEvents(db, person.id, window);
    kudos.push(...(await inbox(db, person.id)).filter((k) => Date.parse(k.at) >= Date.parse(window.from)));
  }
  return { teamId, since, suggestions: toughDaySuggestions({ people, eventsByAgent, kudos, window }) };
}
