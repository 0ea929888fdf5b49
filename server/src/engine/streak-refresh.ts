import { dailyTallies, computeStreak, newStreakMilestones } from '../../../shared/domain/streaks';
import { addDays, localDateOf } from '../../../shared/domain/time';
import type { UnitOfWork } from '../store/unit-of-work';
import type { PersonFull } from '../services/people-repo';
import { dailyGoalOf, effectiveSchedule } from '../services/people-repo';
import { savePersonState, type PersonState } from '../services/person-state';
import { loadOwnEvents } from './own-events';
import { recordAchievement } from './growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';

/**
 * How far back a streak is recomputed. The engine walks days from `from`; the longest streak is carried over
 * from the stored state (`previousLongest`), so it is kept forever even beyond this horizon.
 */
export const STREAK_HORIZON_DAYS = 120;

/** Recomputes the streak (engine), stores it, and celebrates milestones newly reached and new records. */
export async function refreshStreak(uow: UnitOfWork, person: PersonFull, state: PersonState): Promise<PersonState> {
  const schedule = await effectiveSchedule(uow.trx, person);
  const goal = await dailyGoalOf(uow.trx, person);
  const today = localDateOf(uow.now, person.timezone);
  const from = addDays(today, -STREAK_HORIZON_DAYS);
  const events = await loadOwnEvents(uow.trx, person.id, new Date(Date.parse(uow.now) - (STREAK_HORIZON_DAYS + 2) * 86_400_000).toISOString(), ['csat_rated', 'ticket_solved']);
  const tallies = dailyTallies(events, person.id, person.timezone, schedule);
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
    await recordAchievement(uow, entry, celebrationFor({ kind: 'streak_milestone', milestone }, uow.now, `streak:${milestone}@${today}`));
  }
  if (streak.longest > state.streak.longest && streak.longest >= 3) {
    await recordAchievement(uow, timelineEntryFor({ kind: 'streak_record', agentId: person.id, longest: streak.longest, at: uow.now }), null);
  }
  return next;
}
