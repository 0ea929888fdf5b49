import type { Celebration } from '../../../shared/domain/growth-model';
import type { TeamBriefing, WeeklyRecap } from '../../../shared/domain/recap-model';
import { recapDueAt } from '../../../shared/domain/weekly-recap';
import { msOf, weekStartOf } from '../../../shared/domain/time';
import type { AppContext } from '../core/context';
import { runUnitOfWork } from '../store/unit-of-work';
import { agents, loadPeople, supervisors, type PersonFull } from '../store/repos/people-repo';
import { loadTeam } from '../store/repos/teams-repo';
import type { TeamRecord } from '../../../shared/api/admin';
import { effectiveScheduleAndGoal, primaryTeamId } from '../../../shared/domain/effective-schedule';
import {
  briefingSubject,
  deliveredTo,
  insertDeliveryOnce,
  RECAP_SUBJECT,
} from '../store/repos/weekly-recaps-repo';
import { composeBriefing, composeRecap } from './weekly-recap-facts';
import { yieldToEventLoop } from './yield';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The pop-up that says a recap is there (the host's notification budget and the "weekly recap" opt-out apply). */
export function recapNotice(recap: WeeklyRecap, at: string): Celebration {
  const offers = recap.offers.length;
  return {
    id: recap.id,
    kind: 'weekly_recap',
    size: 'toast',
    title: 'Your week in review',
    message: [
      `${plural(recap.solved.value, 'ticket')} solved, ${plural(recap.customersHelped.value, 'customer')} helped, ${plural(recap.kudos.length, 'kudos', 'kudos')}.`,
      offers ? `${plural(offers, 'offer')} for the new week.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    at,
    refId: recap.id,
  };
}

export function briefingNotice(briefing: TeamBriefing, at: string): Celebration {
  const forgotten = briefing.recognise.filter((r) => r.notRecognised).length;
  const waiting = briefing.ideasWaiting.length + briefing.consultationsWaiting.length;
  return {
    id: briefing.id,
    kind: 'team_briefing',
    size: 'toast',
    title: `${briefing.teamName}: your weekly briefing`,
    message: `${plural(forgotten, 'person', 'people')} to recognise, ${plural(waiting, 'answer')} owed, ${plural(briefing.coachingOverdue.length, 'coaching task')} overdue.`,
    at,
    refId: briefing.teamId,
  };
}

/**
 * People of one role whose delivery of `subject` for their current week is not written yet, with that week.
 * One query per time zone, so the check every tick costs little; each is loaded only when it may be due.
 */
async function undelivered(
  people: readonly { id: string; timezone: string }[],
  subject: (forWeek: string) => Promise<Set<string>>,
  now: string,
): Promise<{ id: string; forWeek: string }[]> {
  const byZone = new Map<string, string[]>();
  for (const p of people) byZone.set(p.timezone, [...(byZone.get(p.timezone) ?? []), p.id]);
  const out: { id: string; forWeek: string }[] = [];
  for (const [timezone, ids] of byZone) {
    const forWeek = weekStartOf(now, timezone);
    const done = await subject(forWeek);
    for (const id of ids) if (!done.has(id)) out.push({ id, forWeek });
  }
  return out;
}

/** A team, read once per pass. */
function teamOf(
  db: AppContext['store']['db'],
  teams: Map<string, Promise<TeamRecord | null>>,
  teamId: string,
): Promise<TeamRecord | null> {
  const known = teams.get(teamId);
  if (known) return known;
  const team = loadTeam(db, teamId);
  teams.set(teamId, team);
  return team;
}

/** The team whose schedule the person follows (effectiveScheduleAndGoal). */
function primaryTeam(
  db: AppContext['store']['db'],
  teams: Map<string, Promise<TeamRecord | null>>,
  person: PersonFull,
): Promise<TeamRecord | null> {
  const teamId = primaryTeamId(person.teamIds);
  return teamId ? teamOf(db, teams, teamId) : Promise.resolve(null);
}

/** Whether the person's recap moment of `forWeek` (their first shift's start, their zone) has come. */
function isDue(person: PersonFull, team: TeamRecord | null, forWeek: string, now: string): boolean {
  const { schedule } = effectiveScheduleAndGoal(person, team);
  const due = recapDueAt(forWeek, person.timezone, schedule, person.absences);
  // No shift this week (leave): nothing is sent, and the next week has its own recap.
  return due !== null && msOf(due) <= msOf(now);
}

/**
 * The weekly recap to every agent and the team briefing to every supervisor, each at the start of their
 * first shift of the week in their own zone, exactly once per person (and team) and week: the delivery row's
 * primary key decides, in the same transaction as the feed entry, so a second tick or a second instance
 * writes nothing. Runs under the scheduler's lock like every job. Returns how many it delivered.
 */
export async function deliverWeeklyRecaps(
  ctx: AppContext,
  now = ctx.clock().toISOString(),
): Promise<{ recaps: number; briefings: number }> {
  const db = ctx.store.db;
  let recaps = 0;
  let briefings = 0;
  const everyAgent = await agents(db);
  const dueAgents = await undelivered(everyAgent, (week) => deliveredTo(db, RECAP_SUBJECT, week), now);
  // Until their shift starts, everyone not yet served is looked at every tick: in batches, teams read once.
  const people = await loadPeople(
    db,
    dueAgents.map((a) => a.id),
  );
  const teams = new Map<string, Promise<TeamRecord | null>>();
  for (const { id, forWeek } of dueAgents) {
    await yieldToEventLoop();
    const person = people.get(id);
    if (!person || !isDue(person, await primaryTeam(db, teams, person), forWeek, now)) continue;
    const recap = await composeRecap(db, person, forWeek, now);
    await runUnitOfWork(ctx.store, ctx.bus, new Date(now), async (uow) => {
      const body = { personId: person.id, subject: RECAP_SUBJECT, forWeek, body: recap, at: uow.now };
      if (!(await insertDeliveryOnce(uow.trx, body))) return;
      recaps += 1;
      uow.feed(person.id, 'celebration', recapNotice(recap, uow.now));
    });
  }
  const sups = await loadPeople(
    db,
    (await supervisors(db)).map((s) => s.id),
  );
  for (const person of sups.values()) {
    await yieldToEventLoop();
    if (person.teamIds.length === 0) continue;
    const ownTeam = await primaryTeam(db, teams, person);
    for (const teamId of person.teamIds) {
      const team = await teamOf(db, teams, teamId);
      if (!team) continue;
      // The briefing is about the team's week in the team's zone (as GET …/briefing answers it), sent at the
      // supervisor's first shift of that week in their own zone: a supervisor a few zones away from the team
      // never gets a briefing labelled with a week the team has not started, nor the same week twice.
      const forWeek = weekStartOf(now, team.timezone);
      if (!isDue(person, ownTeam, forWeek, now)) continue;
      if ((await deliveredTo(db, briefingSubject(teamId), forWeek)).has(person.id)) continue;
      const briefing = await composeBriefing(db, teamId, forWeek, now);
      if (!briefing) continue;
      await runUnitOfWork(ctx.store, ctx.bus, new Date(now), async (uow) => {
        const row = {
          personId: person.id,
          subject: briefingSubject(teamId),
          forWeek,
          body: briefing,
          at: uow.now,
        };
        if (!(await insertDeliveryOnce(uow.trx, row))) return;
        briefings += 1;
        uow.feed(person.id, 'celebration', briefingNotice(briefing, uow.now));
      });
    }
  }
  return { recaps, briefings };
}
