import { TeamOverview } from '../../../shared/api/supervisor';
import { NOT_RECOGNISED_DAYS } from '../../../shared/domain/people-model';
import { profileSharedWithSupervisor } from '../../../shared/domain/profile-sharing';
import { lastRecognised } from '../../../shared/domain/kudos-rules';
import { invisibleWork } from '../../../shared/domain/invisible-work';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../core/errors';
import { canManageTeam } from './access';
import { loadPerson } from '../store/repos/people-repo';
import { loadTeam, teamAgentIds } from '../store/repos/teams-repo';
import { latestKudosTo } from '../store/repos/kudos-repo';
import { activeMissions } from '../store/repos/missions-repo';
import { loadPersonState } from '../store/repos/person-state-repo';
import { ideasOfTeam } from '../store/repos/coaching-ideas-repo';
import { loadAgentEvents } from '../store/repos/events-repo';
import { consultationsOfTeam, loadTally, namedAnswersOf } from '../store/repos/consultations-repo';
import { resultsOf } from '../../../shared/domain/consultations';

/** Progress, streaks, "nobody forgotten" with suggestions from invisible work, shared 3 Ps prompts, ideas. */
export async function teamOverview(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
): Promise<TeamOverview> {
  if (principal.role === 'agent') throw forbidden('The team overview is for supervisors.');
  const db = ctx.store.db;
  const team = await loadTeam(db, teamId);
  if (!team) throw notFound('The team');
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  const now = ctx.clock().toISOString();
  const since = new Date(Date.parse(now) - NOT_RECOGNISED_DAYS * 86_400_000).toISOString();
  const members = [];
  for (const agentId of await teamAgentIds(db, teamId)) {
    const person = await loadPerson(db, agentId);
    if (!person) continue;
    const [missions, state, kudos, events] = await Promise.all([
      activeMissions(db, agentId),
      loadPersonState(db, agentId),
      latestKudosTo(db, agentId),
      loadAgentEvents(db, agentId, { from: since, to: now }),
    ]);
    // Someone added a minute ago has not gone 14 days unrecognised.
    const recognition = lastRecognised(agentId, kudos, now, NOT_RECOGNISED_DAYS, person.createdAt);
    members.push({
      personId: agentId,
      name: person.name,
      missions,
      streak: { current: state.streak.current, longest: state.streak.longest },
      lastRecognisedAt: recognition.lastRecognisedAt,
      notRecognised: recognition.notRecognised,
      suggestions: recognition.notRecognised
        ? invisibleWork({ agentId, events, since }).map((s) => ({ reason: s.reason, ticketId: s.ticketId }))
        : [],
      sharedProfile: profileSharedWithSupervisor(person.name, person.profile),
    });
  }
  const agentIds = await teamAgentIds(db, teamId);
  const consultations = [];
  for (const c of await consultationsOfTeam(db, teamId)) {
    const named = c.anonymous ? [] : await namedAnswersOf(db, c.id);
    const names = new Map<string, string>();
    for (const a of named)
      names.set(a.personId, (await loadPerson(db, a.personId))?.name ?? 'Someone who left');
    consultations.push({
      ...c,
      results: resultsOf(c, await loadTally(db, c.id)),
      // An anonymous consultation has no named answers stored; none can appear here.
      namedAnswers: named.map((a) => ({
        personId: a.personId,
        name: names.get(a.personId) ?? '',
        optionId: a.answer.optionId,
        text: a.answer.text,
        at: a.at,
      })),
      teamAgents: agentIds.length,
    });
  }
  return TeamOverview.parse({
    teamId,
    name: team.name,
    members,
    ideas: await ideasOfTeam(db, teamId),
    consultations,
  });
}
