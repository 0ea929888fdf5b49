import { z } from 'zod';
import type { HelpdeskEvent } from './events';
import { dedupeEvents } from './event-set';
import { IsoInstant, type IsoDate } from './primitives';
import {
  FREEZE_PERIOD_DAYS,
  STREAK_MILESTONES,
  type Absence,
  type DailyGoal,
  type StreakDay,
  type StreakState,
  type WeeklySchedule,
} from './streak-model';
import { addDays, assertTimeZone, daysBetween, localDateOf, msOf, startOfDate, toInstant } from './time';
import { shiftOn, workdayEnd, workdayOf } from './workday';

/** What an agent did on one scheduled workday. */
export const DayTally = z.object({
  satisfied: z.number().int().min(0),
  solved: z.number().int().min(0),
  guardrailBroken: z.boolean(),
  /** When each counted satisfied rating / distinct solve happened, earliest first (dates a milestone). */
  satisfiedAt: z.array(IsoInstant).optional(),
  solvedAt: z.array(IsoInstant).optional(),
});
export type DayTally = z.infer<typeof DayTally>;

/**
 * Per-workday tallies of the agent's own ratings and solves. Each day is judged on its own events only: a
 * ticket's satisfied rating counts on a day when it is the latest of the agent's ratings of that ticket that
 * day (a later unhappy rating the same day cancels it; a rating on another day never reaches back), and a
 * ticket solved twice on a day counts once. So adding the events of one day never changes another day.
 */
export function dailyTallies(
  events: readonly HelpdeskEvent[],
  agentId: string,
  tz: string,
  schedule: WeeklySchedule,
  guardrailBrokenDays: Iterable<IsoDate> = [],
): Record<IsoDate, DayTally> {
  assertTimeZone(tz);
  const latestRating = new Map<
    string,
    { day: IsoDate; rating: Extract<HelpdeskEvent, { type: 'csat_rated' }> }
  >();
  const firstSolve = new Map<string, { day: IsoDate; at: IsoInstant }>();
  for (const e of dedupeEvents(events)) {
    if (e.agentId !== agentId || (e.type !== 'csat_rated' && e.type !== 'ticket_solved')) continue;
    const day = workdayOf(e.at, tz, schedule);
    if (!day) continue;
    const key = `${day}\u0000${e.ticketId}`;
    // Canonical order is by instant, so the last rating seen of a (day, ticket) is that day's latest.
    if (e.type === 'csat_rated') latestRating.set(key, { day, rating: e });
    else if (!firstSolve.has(key)) firstSolve.set(key, { day, at: e.at });
  }
  return dayTalliesOf(latestRating.values(), firstSolve.values(), guardrailBrokenDays);
}

/**
 * Day tallies from each (day, ticket)'s latest rating and first solve, and the days a guardrail broke: the one
 * assembly dailyTallies (raw events) and the streak tallies (per-day ticket credits) share.
 */
export function dayTalliesOf(
  latestRatings: Iterable<{ day: IsoDate; rating: { satisfied: boolean; at: IsoInstant } }>,
  firstSolves: Iterable<{ day: IsoDate; at: IsoInstant }>,
  guardrailBrokenDays: Iterable<IsoDate>,
): Record<IsoDate, DayTally> {
  const out: Record<IsoDate, DayTally> = {};
  const tally = (day: IsoDate): DayTally =>
    (out[day] ??= { satisfied: 0, solved: 0, guardrailBroken: false, satisfiedAt: [], solvedAt: [] });
  for (const { day, rating } of latestRatings) {
    if (!rating.satisfied) continue;
    tally(day).satisfied++;
    tally(day).satisfiedAt!.push(rating.at);
  }
  for (const { day, at } of firstSolves) {
    tally(day).solved++;
    tally(day).solvedAt!.push(at);
  }
  for (const t of Object.values(out)) {
    t.satisfiedAt!.sort((a, b) => msOf(a) - msOf(b));
    t.solvedAt!.sort((a, b) => msOf(a) - msOf(b));
  }
  for (const day of guardrailBrokenDays) tally(day).guardrailBroken = true;
  return out;
}

export function isDayMet(tally: DayTally | undefined, goal: DailyGoal): boolean {
  if (!tally) return goal.minSatisfied === 0 && goal.minSolved === 0;
  if (goal.noGuardrailBroken && tally.guardrailBroken) return false;
  return tally.satisfied >= goal.minSatisfied && tally.solved >= goal.minSolved;
}

/**
 * The moment a met day reached its goal: the rating or solve that completed it (the later of the
 * minSatisfied-th satisfied rating and the minSolved-th solve). When the goal asks for nothing, or the tally
 * does not know its instants, the start of that day's shift.
 */
export function dayMetAt(
  date: IsoDate,
  tally: DayTally | undefined,
  goal: DailyGoal,
  tz: string,
  schedule: WeeklySchedule,
): IsoInstant {
  const kth = (list: readonly IsoInstant[] | undefined, k: number): IsoInstant | null | undefined =>
    k === 0 ? null : list?.[k - 1];
  const parts = [kth(tally?.satisfiedAt, goal.minSatisfied), kth(tally?.solvedAt, goal.minSolved)];
  if (parts.some((p) => p === undefined) || parts.every((p) => p === null))
    return shiftStart(date, tz, schedule);
  return parts.filter((p): p is IsoInstant => !!p).reduce((a, b) => (msOf(a) >= msOf(b) ? a : b));
}

function shiftStart(date: IsoDate, tz: string, schedule: WeeklySchedule): IsoInstant {
  const [h, m] = (shiftOn(date, schedule)?.start ?? '00:00').split(':').map(Number);
  return toInstant(startOfDate(date, tz).set({ hour: h ?? 0, minute: m ?? 0 }));
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

/** A milestone the current streak passed: the day it reached that length, and the moment that day was met. */
export interface StreakMilestone {
  milestone: number;
  date: IsoDate;
  at: IsoInstant;
}

export type StreakResult = StreakState & { milestonesReached: StreakMilestone[] };

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
  let lastFreeze: number | null = null;
  let reached: StreakMilestone[] = [];
  // Days are walked by their index from `from` (a walk over months used to re-parse each date several times).
  const span = daysBetween(input.from, today);
  const canFreeze = (i: number) => lastFreeze === null || i - lastFreeze >= FREEZE_PERIOD_DAYS;

  for (let i = 0, day = input.from; i <= span; i++, day = addDays(input.from, i)) {
    let outcome: StreakDay['outcome'];
    if (!shiftOn(day, schedule) || absent.has(day)) outcome = 'off';
    else if (isDayMet(tallies[day], goal)) outcome = 'met';
    // Only today and yesterday (a night shift) can still be running; older days are over.
    else if (span - i < 2 && nowMs < workdayEnd(day, tz, schedule).toMillis()) outcome = 'pending';
    else if (current > 0 && canFreeze(i)) outcome = 'frozen';
    else outcome = 'missed';

    if (outcome === 'met') {
      current++;
      if ((STREAK_MILESTONES as readonly number[]).includes(current)) {
        const at = dayMetAt(day, tallies[day], goal, tz, schedule);
        reached.push({ milestone: current, date: day, at: msOf(at) > nowMs ? input.now : at });
      }
    }
    if (outcome === 'missed') [current, reached] = [0, []];
    if (outcome === 'frozen') lastFreeze = i;
    longest = Math.max(longest, current);
    days.push({ date: day, outcome });
  }

  return {
    current,
    longest,
    freezesLeft: canFreeze(Math.max(span, 0)) ? 1 : 0,
    nextMilestone: STREAK_MILESTONES.find((m) => m > current) ?? null,
    recent: days.slice(-(input.recentDays ?? 14)),
    todayMet: days.at(-1)?.date === today && days.at(-1)?.outcome === 'met',
    milestonesReached: reached,
  };
}

/** Milestones to celebrate when a streak went from `previousCurrent` to `nextCurrent` (a reset starts over). */
export function newStreakMilestones(previousCurrent: number, nextCurrent: number): number[] {
  const floor = nextCurrent >= previousCurrent ? previousCurrent : 0;
  return STREAK_MILESTONES.filter((m) => m > floor && m <= nextCurrent);
}

/**
 * The milestones to record after a recompute, each dated the day the streak reached it (not the day it was
 * recomputed), oldest first: those newStreakMilestones gives for `previousCurrent` → `result.current`.
 */
export function streakMilestonesToRecord(previousCurrent: number, result: StreakResult): StreakMilestone[] {
  const fresh = newStreakMilestones(previousCurrent, result.current);
  return result.milestonesReached.filter((m) => fresh.includes(m.milestone));
}
