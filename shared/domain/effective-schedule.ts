import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE, type DailyGoal, type WeeklySchedule } from './streak-model';

/** The team whose schedule and daily goal a person follows: the first of their teams by id, or none. */
export function primaryTeamId(teamIds: readonly string[]): string | null {
  return [...teamIds].sort()[0] ?? null;
}

/**
 * The schedule and daily goal a person's streak is judged by: their own schedule, else their primary team's,
 * else DEFAULT_SCHEDULE; the primary team's daily goal, else DEFAULT_DAILY_GOAL. `team` is the team
 * primaryTeamId names (null when they have none, or it is gone).
 */
export function effectiveScheduleAndGoal(
  person: { schedule: WeeklySchedule | null },
  team: { schedule: WeeklySchedule; dailyGoal: DailyGoal } | null,
): { schedule: WeeklySchedule; goal: DailyGoal } {
  return {
    schedule: person.schedule ?? team?.schedule ?? DEFAULT_SCHEDULE,
    goal: team?.dailyGoal ?? DEFAULT_DAILY_GOAL,
  };
}
