import type { Kysely } from 'kysely';
import { RECAP_HISTORY_WEEKS, recapOf, recappedWeek } from '../../../shared/domain/weekly-recap';
import { briefingOf } from '../../../shared/domain/weekly-briefing';
import type { TeamBriefing, WeeklyRecap } from '../../../shared/domain/recap-model';
import { NOT_RECOGNISED_DAYS } from '../../../shared/domain/people-model';
import { addDays, weekWindowOf } from '../../../shared/domain/time';
import type { Database } from '../store/schema';
import { loadPerson, type PersonFull } from '../store/repos/people-repo';
import { loadTeam, teamAgentIds } from '../store/repos/teams-repo';
import { kudosToBetween, latestKudosTo } from '../store/repos/kudos-repo';
import { recentMissions } from '../store/repos/missions-repo';
import { loadPersonState } from '../store/repos/person-state-repo';
import { offersOfWeek } from '../store/repos/offers-repo';
import { loadAgentEvents } from '../store/repos/events-repo';
import { cardsOf, ideasOfTeam } from '../store/repos/coaching-ideas-repo';
import { consultationsOfTeam } from '../store/repos/consultations-repo';
import { checkInsDue } from './plan-check-ins';

/**
 * The facts of a recap or a briefing read from the store, handed to the pure rules (shared/domain). Reads
 * only: the scheduler job writes what these compose, and the briefing route answers with it.
 */
export async function composeRecap(
  db: Kysely<Database>,
  person: PersonFull,
  forWeek: string,
  now: string,
): Promise<WeeklyRecap> {
  const week = recappedWeek(forWeek);
  const window = {
    from: weekWindowOf(addDays(week, -7 * RECAP_HISTORY_WEEKS), person.timezone).from,
    to: weekWindowOf(week, person.timezone).to,
  };
  const thisWeek = weekWindowOf(week, person.timezone);
  const [events, kudos, missions, state, offers] = await Promise.all([
    loadAgentEvents(db, person.id, window),
    kudosToBetween(db, person.id, thisWeek.from, thisWeek.to),
    recentMissions(db, person.id, thisWeek.from),
    loadPersonState(db, person.id),
    offersOfWeek(db, person.id, forWeek),
  ]);
  return recapOf({
    agentId: person.id,
    name: person.name,
    timezone: person.timezone,
    forWeek,
    deliveredAt: now,
    events,
    kudos,
    trends: state.trends,
    missions: missions.map((m) => m.mission),
    streak: state.streak,
    offers,
  });
}

/** The team's briefing for the week that begins on `forWeek`, as of `now`; null when the team is gone. */
export async function composeBriefing(
  db: Kysely<Database>,
  teamId: string,
  forWeek: string,
  now: string,
): Promise<TeamBriefing | null> {
  const team = await loadTeam(db, teamId);
  if (!team) return null;
  const week = weekWindowOf(recappedWeek(forWeek), team.timezone);
  // Kudos far enough back to tell "last recognised" for anyone within NOT_RECOGNISED_DAYS, plus the latest one.
  const since = new Date(Date.parse(now) - NOT_RECOGNISED_DAYS * 86_400_000).toISOString();
  const from = since < week.from ? since : week.from;
  const members = [];
  const kudos = [];
  const cards = [];
  const names = new Map<string, string>();
  for (const agentId of await teamAgentIds(db, teamId)) {
    const person = await loadPerson(db, agentId);
    if (!person) continue;
    names.set(person.id, person.name);
    members.push({ personId: person.id, name: person.name, joinedAt: person.createdAt });
    kudos.push(...(await latestKudosTo(db, person.id)), ...(await kudosToBetween(db, person.id, from, now)));
    cards.push(...(await cardsOf(db, person.id)));
  }
  const ideas = await ideasOfTeam(db, teamId);
  for (const idea of ideas)
    if (!idea.anonymous && idea.authorId && !names.has(idea.authorId))
      names.set(idea.authorId, (await loadPerson(db, idea.authorId))?.name ?? 'Someone who left');
  return briefingOf({
    teamId,
    teamName: team.name,
    timezone: team.timezone,
    forWeek,
    now,
    members,
    kudos,
    ideas,
    consultations: await consultationsOfTeam(db, teamId),
    cards,
    // Shared plans only: a plan the agent keeps to "me" never reaches the supervisor's briefing.
    checkIns: await checkInsDue(db, teamId, new Date(now)),
    names,
  });
}
