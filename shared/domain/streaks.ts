import { z } from 'zod';
import type { HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import type { IsoDate, IsoInstant } from './primitives';
import {
  FREEZE_PERIOD_DAYS,
  STREAK_MILESTONES,
  type Absence,
  type DailyGoal,
  type StreakDay,
  type StreakState,
  type WeeklySchedule,
} from './streak-model';
import { addDays, assertTimeZone, daysBetween, localDateOf, msOf } from './time';
import { shiftOn, workdayEnd, workdayOf } from './workday';

/** What an agent did on one scheduled workday. */
export const DayTally = z.object({
  satisfied: z.number().int().min(0),
  solved: z.number().int().min(0),
  guardrailBroken: z.boolean(),
});
export type DayTally = z.infer<typeof DayTally>;

/**
 * Per-workday tallies. A ticket's satisfied rating counts once, on the day of its latest rating (a later
 * unhappy rating cancels it); a ticket solved twice on a day counts once.
 */
export function dailyTallies(
  events: readonly HelpdeskEvent[],
  agentId: string,
  tz: string,
  schedule: WeeklySchedule,
  guardrailBrokenDays: Iterable<IsoDate> = [],
): Record<IsoDate, DayTally> {
  assertTimeZone(tz);
  const out: Record<IsoDate, DayTally> = {};
  const tally = (day: IsoDate): DayTally =>
    (out[day] ??= { satisfied: 0, solved: 0, guardrailBroken: false });
  const latestRating = new Map<string, Extract<HelpdeskEvent, { type: 'csat_rated' }>>();
  const solvedOn = new Set<string>();
  for (const e of dedupeEvents(events)) {
    if (e.type === 'csat_rated') latestRating.set(e.ticketId, e);
    if (e.type !== 'ticket_solved' || e.agentId !== agentId) continue;
    const day = workdayOf(e.at, tz, schedule);
    if (day && !solvedOn.has(`${day}\u0000${e.ticketId}`)) {
      solvedOn.add(`${day}\u0000${e.ticketId}`);
      tally(day).solved++;
    }
  }
  for (const r of latestRating.values()) {
    const day = r.agentId === agentId && r.satisfied ? workdayOf(r.at, tz, schedule) : null;
    if (day) tally(day).satisfied++;
  }
  for (const day of guardrailBrokenDays) tally(day).guardrailBroken = true;
  return out;
}

export function isDayMet(tally: DayTally | undefined, goal: DailyGoal): boolean {
  if (!tally) return goal.minSatisfied === 0 && goal.minSolved === 0;
  if (goal.noGuardrailBroken && tally.guardrailBroken) return false;
  return tally.satisfied >= goal.minSatisfied && tally.solved >= goal.minSolved;
}

export interface ComputeStreakInput {
  schedule: WeeklySchedule;
  absences: readonly Absence[];
  timezone: string;
  goal: DailyGoal;
  tallies: Record<IsoDate, DayTally>;
  /** First day to consider (e.g. when the agent joined or the streak feature was enabled). */
  from: IsoDate;
  now: IsoInstant;
  /** The longest streak recorded before, kept forever even when `from` moves on. */
  previousLongest?: number;
  /** How many recent days to return for the streak strip. */
  recentDays?: number;
}

export type StreakResult = StreakState & { milestonesReached: number[] };

/**
 * Walks the calendar from `from` to today in the agent's zone. Unscheduled days and absences are 'off' and
 * skipped; a day still running is 'pending'; a missed scheduled day uses the freeze when one is available
 * (one per FREEZE_PERIOD_DAYS, only to protect a streak) and otherwise resets the streak.
 */
export function computeStreak(input: ComputeStreakInput): StreakResult {
  const tz = assertTimeZone(input.timezone);
  const { schedule, goal, tallies } = input;
  const absent = new Set(input.absences.map((a) => a.date));
  const nowMs = msOf(input.now);
  const today = workdayOf(input.now, tz, schedule) ?? localDateOf(input.now, tz);
  const days: StreakDay[] = [];
  let current = 0;
  let longest = input.previousLongest ?? 0;
  let lastFreeze: IsoDate | null = null;
  const canFreeze = (day: IsoDate) =>
    lastFreeze === null || daysBetween(lastFreeze, day) >= FREEZE_PERIOD_DAYS;

  for (let day = input.from; daysBetween(day, today) >= 0; day = addDays(day, 1)) {
    let outcome: StreakDay['outcome'];
    if (!shiftOn(day, schedule) || absent.has(day)) outcome = 'off';
    else if (isDayMet(tallies[day], goal)) outcome = 'met';
    // Only today and yesterday (a night shift) can still be running; older days are over.
    else if (daysBetween(day, today) < 2 && nowMs < workdayEnd(day, tz, schedule).toMillis())
      outcome = 'pending';
    else if (current > 0 && canFreeze(day)) outcome = 'frozen';
    else outcome = 'missed';

    if (outcome === 'met') current++;
    if (outcome === 'missed') current = 0;
    if (outcome === 'frozen') lastFreeze = day;
    longest = Math.max(longest, current);
    days.push({ date: day, outcome });
  }

  return {
    current,
    longest,
    freezesLeft: canFreeze(today) ? 1 : 0,
    nextMilestone: STREAK_MILESTONES.find((m) => m > current) ?? null,
    recent: days.slice(-(input.recentDays ?? 14)),
    todayMet: days.at(-1)?.date === today && days.at(-1)?.outcome === 'met',
    milestonesReached: STREAK_MILESTONES.filter((m) => m <= current),
  };
}

/** Milestones to celebrate when a streak went from `previousCurrent` to `nextCurrent` (a reset starts over). */
export function newStreakMilestones(previousCurrent: number, nextCurrent: number): number[] {
  const floor = nextCurrent >= previousCurrent ? previousCurrent : 0;
  return STREAK_MILESTONES.filter((m) => m > floor && m <= nextCurrent);
}
