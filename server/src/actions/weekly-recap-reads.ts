import type { MyRecap } from '../../../shared/api/recap';
import type { TeamBriefing } from '../../../shared/domain/recap-model';
import { weekStartOf } from '../../../shared/domain/time';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { canManageTeam } from './access';
import { loadPerson } from '../store/repos/people-repo';
import { loadTeam } from '../store/repos/teams-repo';
import { latestRecap } from '../store/repos/weekly-recaps-repo';
import { composeBriefing } from '../engine/weekly-recap-facts';

/** The signed-in person's latest recap as delivered (the scheduler writes it; this only reads). */
export async function myRecap(ctx: AppContext, principal: Principal): Promise<MyRecap> {
  if (!(await loadPerson(ctx.store.db, principal.personId)))
    throw forbidden('The bootstrap admin has no weekly recap; create a person and a token.');
  return { recap: await latestRecap(ctx.store.db, principal.personId) };
}

/**
 * The team's briefing as of now: about the week that ended, in the team's zone, composed fresh so an idea
 * answered a minute ago is no longer "waiting". Supervisors of the team and admins only (admins without the
 * check-ins due on plans shared with the supervisor).
 */
export async function teamBriefing(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
): Promise<TeamBriefing> {
  if (principal.role === 'agent') throw forbidden('The team briefing is for supervisors.');
  const db = ctx.store.db;
  const team = await loadTeam(db, teamId);
  if (!team) throw notFound('The team');
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  const now = ctx.clock().toISOString();
  const briefing = await composeBriefing(db, teamId, weekStartOf(now, team.timezone), now);
  if (!briefing) throw notFound('The team');
  // Plans are shared "with my supervisor": an admin manages the team but supervises no one, so the check-ins
  // due on those plans are not theirs to read (as GET …/plans refuses them).
  return principal.role === 'supervisor' ? briefing : { ...briefing, checkInsDue: [] };
}
