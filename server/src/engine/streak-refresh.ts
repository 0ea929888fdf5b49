import { computeStreak, streakMilestonesToRecord } from '../../../shared/domain/streaks';
import { streakTalliesFromTallies } from '../../../shared/domain/streak-tallies';
import type { AgentDayTally } from '../../../shared/domain/metric-tallies';
import { effectiveScheduleAndGoal, primaryTeamId } from '../../../shared/domain/effective-schedule';
import type { Mission } from '../../../shared/domain/mission-model';
import { addDays, localDateOf, msOf } from '../../../shared/domain/time';
import type { DailyGoal, WeeklySchedule } from '../../../shared/domain/streak-model';
import type { UnitOfWork } from '../store/unit-of-work';
import type { PersonFull } from '../store/repos/people-repo';
import { scheduleAndGoalOf } from '../store/repos/people-repo';
import type { PersonState } from '../store/repos/person-state-repo';
import { missionsEndingSinceFor, storePersonState } from './batch-state';
import { recordAchievement } from './growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { talliesOver } from './tallies';
import { refreshBatchOf } from './refresh-batch';

/**
 * How far back a streak is recomputed. The engine walks days from `from`; the longest streak is carried over
 * from the stored state (`previousLongest`), so it is kept forever even beyond this horizon.
 */
export const STREAK_HORIZON_DAYS = 120;

/** The instant the streak's events are read from: the horizon plus two days of time-zone slack. */
export const streakEventsSince = (now: string) =>
  new Date(Date.parse(now) - (STREAK_HORIZON_DAYS + 2) * 86_400_000).toISOString();

/** The domain's effectiveScheduleAndGoal, reading each team once per batch. */
async function scheduleAndGoal(
  uow: UnitOfWork,
  person: PersonFull,
): Promise<{ schedule: WeeklySchedule; goal: DailyGoal }> {
  const batch = refreshBatchOf(uow);
  if (!batch) return scheduleAndGoalOf(uow.trx, person);
  const teamId = primaryTeamId(person.teamIds);
  return effectiveScheduleAndGoal(person, teamId ? await batch.team(teamId) : null);
}

/**
 * What streakTallies reads: the agent's stored tallies over the horizon and over the windows of their guarded
 * missions of that period (a guardrail is judged on the mission's window so far), and those missions.
 */
async function streakInputs(
  uow: UnitOfWork,
  person: PersonFull,
): Promise<{ tallies: AgentDayTally[]; missions: Mission[] }> {
  const since = streakEventsSince(uow.now);
  const missions = await missionsEndingSinceFor(uow, person.id, since);
  let from = msOf(since);
  for (const m of missions)
    if (m.status !== 'cancelled' && m.guardrails.length > 0) from = Math.min(from, msOf(m.window.start));
  // Open-ended, as the events were read: a rating stamped after now still belongs to its day.
  return { tallies: await talliesOver(uow, [person.id], { from: new Date(from).toISOString() }), missions };
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
  const { tallies: stored, missions } = await streakInputs(uow, person);
  // The domain rule: each day judged by its own events ("a later slip does not reach back"), read from the
  // stored tallies: streakTalliesFromTallies equals streakTallies over the same events.
  const tallies = streakTalliesFromTallies({
    agentId: person.id,
    missions,
    tallies: stored,
    timezone: person.timezone,
    schedule,
  });
  const result = computeStreak({
    schedule,
    absences: person.absences,
    timezone: person.timezone,
    goal,
    tallies,
    from,
    now: uow.now,
    previousLongest: state.streak.longest,
  });
  const { milestonesReached: _reached, ...streak } = result;
  const next = { ...state, streak };
  if (JSON.stringify(streak) === JSON.stringify(state.streak)) return next;
  await storePersonState(uow, person.id, next);
  uow.feed(person.id, 'streak.updated', streak);
  // Each milestone is dated the day the streak reached it (an import or a late rating records it later).
  for (const { milestone, date, at } of streakMilestonesToRecord(state.streak.current, result)) {
    const entry = timelineEntryFor({ kind: 'streak_milestone', agentId: person.id, milestone, at, date });
    await recordAchievement(
      uow,
      entry,
      celebrationFor({ kind: 'streak_milestone', milestone }, uow.now, `streak:${milestone}@${date}`),
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
