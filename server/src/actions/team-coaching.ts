import { TeamCoaching } from '../../../shared/api/supervisor';
import type { CoachingCard } from '../../../shared/domain/people-model';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { canManageTeam } from './access';
import { loadTeam, teamAgents } from '../store/repos/teams-repo';
import { cardsOf } from '../store/repos/coaching-ideas-repo';

/** Open cards first, then the newest: what still needs the supervisor's attention is on top. */
const byAttention = (a: CoachingCard, b: CoachingCard) =>
  Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
  Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * The supervisor's side of coaching: every agent of the team with the cards written for them, each with its
 * tasks' progress and the agent's replies. Only supervisors of this team (and admins) may read it, because a
 * card is between the agent and the people who coach them.
 */
export async function teamCoaching(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
): Promise<TeamCoaching> {
  if (principal.role === 'agent') throw forbidden('Coaching of a team is for its supervisors.');
  const db = ctx.store.db;
  const team = await loadTeam(db, teamId);
  if (!team) throw notFound('The team');
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  const agents = [];
  for (const agent of await teamAgents(db, teamId)) {
    const cards = (await cardsOf(db, agent.id)).sort(byAttention);
    agents.push({ personId: agent.id, name: agent.name, cards });
  }
  agents.sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
  return TeamCoaching.parse({ teamId, name: team.name, agents });
}
