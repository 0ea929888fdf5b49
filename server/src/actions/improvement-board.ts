import { ratingCounts } from '../../../shared/domain/impact';
import {
  BOARD_BASELINE_MONTHS,
  BOARD_MIN_RATED,
  mostImprovedBoard,
} from '../../../shared/domain/most-improved';
import { monthOf, monthsBefore, monthWindow } from '../../../shared/domain/months';
import type { ImprovementBoard } from '../../../shared/domain/recognition-model';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { canManageTeam } from './access';
import { loadTeam, teamAgents } from '../store/repos/teams-repo';
import { loadAgentEvents } from '../store/repos/events-repo';
import { optedInAmong } from '../store/repos/recognition-repo';

const NOTE =
  `Most improved this month against each person’s own last ${BOARD_BASELINE_MONTHS} months (satisfied ` +
  `ratings, at least ${BOARD_MIN_RATED} in each), among those who opted in. Only the top part is shown.`;

/**
 * The team's most-improved board for this month (the team's time zone). Who sees it: the team's agents who
 * opted in, its supervisors and admins; an agent of the team who has not opted in gets `visible: false` and no
 * entries; anyone else is refused. Who is on it: only agents who opted in — the events of anyone else are not
 * even read — and only the top part of the ranking (mostImprovedBoard), never its bottom. A supervisor sees the
 * same entries as the agents, no more.
 */
export async function improvementBoard(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
): Promise<ImprovementBoard> {
  const db = ctx.store.db;
  const team = await loadTeam(db, teamId);
  if (!team) throw notFound('The team');
  const manager = canManageTeam(principal, teamId);
  const member = principal.role === 'agent' && principal.teamIds.includes(teamId);
  if (!manager && !member) throw forbidden('The board is for the team’s own members and supervisors.');
  const month = monthOf(ctx.clock().toISOString(), team.timezone);
  const agents = await teamAgents(db, teamId);
  const optedIn = await optedInAmong(
    db,
    agents.map((a) => a.id),
  );
  if (!manager && !optedIn.has(principal.personId))
    return {
      teamId,
      month,
      visible: false,
      entries: [],
      you: null,
      note: 'The most-improved board is opt-in: turn it on in Settings to see it and be on it.',
    };

  const current = monthWindow(month, team.timezone);
  const baseline = monthsBefore(month, team.timezone, BOARD_BASELINE_MONTHS);
  const candidates = [];
  for (const agent of agents) {
    if (!optedIn.has(agent.id)) continue;
    const events = await loadAgentEvents(db, agent.id, { from: baseline.from, to: current.to });
    candidates.push({
      personId: agent.id,
      name: agent.name,
      optedIn: true,
      month: ratingCounts({ agentId: agent.id, events, window: current }),
      baseline: ratingCounts({ agentId: agent.id, events, window: baseline }),
    });
  }
  const board = mostImprovedBoard(candidates);
  return {
    teamId,
    month,
    visible: true,
    entries: board.entries,
    you: board.standings.get(principal.personId) ?? null,
    note: NOTE,
  };
}
