import { dailyTallies, computeStreak, newStreakMilestones } from '../../../shared/domain/streaks';
import { addDays, localDateOf } from '../../../shared/domain/time';
import { workdayOf } from '../../../shared/domain/workday';
import type { DailyGoal, WeeklySchedule } from '../../../shared/domain/streak-model';
import type { HelpdeskEvent, HelpdeskEventType } from '../../../shared/domain/events';
import type { UnitOfWork } from '../store/unit-of-work';
import type { PersonFull } from '../store/repos/people-repo';
import { dailyGoalOf, effectiveSchedule } from '../store/repos/people-repo';
import { missionProgressSince } from '../store/repos/missions-repo';
import { savePersonState, type PersonState } from '../store/repos/person-state-repo';
import { loadOwnEvents } from '../store/repos/events-repo';
import { recordAchievement } from './growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE } from '../../../shared/api/admin';
import { refreshBatchOf } from './refresh-batch';

/**
 * How far back a streak is recomputed. The engine walks days from `from`; the longest streak is carried over
 * from the stored state (`previousLongest`), so it is kept forever even beyond this horizon.
 */
export const STREAK_HORIZON_DAYS = 120;

/**
 * The team's daily goal says a day does not count when a rated ticket was not satisfied while a mission's
 * guardrail was broken: here, an unhappy rating inside the window of one of the agent's missions whose
 * guardrail does not hold (as last evaluated).
 */
async function guardrailBrokenDays(
  uow: UnitOfWork,
  person: PersonFull,
  schedule: WeeklySchedule,
  events: readonly HelpdeskEvent[],
): Promise<Set<string>> {
  const since = new Date(Date.parse(uow.now) - (STREAK_HORIZON_DAYS + 2) * 86_400_000).toISOString();
  const broken = (await missionProgressSince(uow.trx, person.id, since)).filter((m) =>
    m.progress.guardrails.some((g) => g.holds === false),
  );
  const days = new Set<string>();
  if (broken.length === 0) return days;
  for (const e of events) {
    if (e.type !== 'csat_rated' || e.agentId !== person.id || e.satisfied) continue;
    const at = new Date(e.at).toISOString();
    if (!broken.some((m) => at >= m.windowStart && at < m.windowEnd)) continue;
    const day = workdayOf(e.at, person.timezone, schedule);
    if (day) days.add(day);
  }
  return days;
}

export const STREAK_EVENT_TYPES: HelpdeskEventType[] = ['csat_rated', 'ticket_solved'];

/** The instant the streak's events are read from: the horizon plus two days of time-zone slack. */
export const streakEventsSince = (now: string) =>
  new Date(Date.parse(now) - (STREAK_HORIZON_DAYS + 2) * 86_400_000).toISOString();

/** Schedule and daily goal as effectiveSchedule / dailyGoalOf give them, reading each team once per batch. */
async function scheduleAndGoal(
  uow: UnitOfWork,
  person: PersonFull,
): Promise<{ schedule: WeeklySchedule; goal: DailyGoal }> {
  const batch = refreshBatchOf(uow);
  if (!batch)
    return { schedule: await effectiveSchedule(uow.trx, person), goal: await dailyGoalOf(uow.trx, person) };
  const teamId = person.teamIds[0];
  const team = teamId ? await batch.team(teamId) : null;
  return {
    schedule: person.schedule ?? team?.schedule ?? DEFAULT_SCHEDULE,
    goal: team?.dailyGoal ?? DEFAULT_DAILY_GOAL,
  };
}

/** Recomputes the streak (engine), stores it, and celebrates milestones newly reached and new records. */
export async function refreshStreak(
  uow: UnitOfWork,
  person: PersonFull,
  state: PersonState,
): Promise<PersonState> {
  const { schedule, goal } = await scheduleAndGoal(uow, person);
  const today = localDateOf(uow.now, person.timezone);
  const from = addDays(today, -STREAK_HORIZON_DAYS);
  const since = streakEventsSince(uow.now);
  const cache = refreshBatchOf(uow)?.events;
  const events = cache
    ? await cache.ownEvents(person.id, since, STREAK_EVENT_TYPES)
    : await loadOwnEvents(uow.trx, person.id, since, STREAK_EVENT_TYPES);
  const tallies = dailyTallies(
    events,
    person.id,
    person.timezone,
    schedule,
    await guardrailBrokenDays(uow, person, schedule, events),
  );
  const { milestonesReached: _reached, ...streak } = computeStreak({
    schedule,
    absences: person.absences,
    timezone: person.timezone,
    goal,
    tallies,
    from,
    now: uow.now,
    previousLongest: state.streak.longest,
  });
  const next = { ...state, streak };
  if (JSON.stringify(streak) === JSON.stringify(state.streak)) return next;
  await savePersonState(uow.trx, person.id, next, uow.now);
  uow.feed(person.id, 'streak.updated', streak);
  for (const milestone of newStreakMilestones(state.streak.current, streak.current)) {
    const entry = timelineEntryFor({ kind: 'streak_milestone', agentId: person.id, milestone, at: uow.now });
    await recordAchievement(
      uow,
      entry,
      celebrationFor({ kind: 'streak_milestone', milestone }, uow.now, `streak:${milestone}@${today}`),
    );
  }
  if (streak.longest > state.streak.longest && streak.longest >= 3) {
    await recordAchievement(
      uow,
      timelineEntryFor({ kind: 'streak_record', agentId: person.id, longest: streak.longest, at: uow.now }),
      null,
    );
  }
  return next;
}
