import { z } from 'zod';
import { IsoDate, WallTime } from './primitives';

/** A shift on one weekday. `end` earlier than `start` means the shift runs past midnight (a night shift). */
export const Shift = z.object({ start: WallTime, end: WallTime });
export type Shift = z.infer<typeof Shift>;

/** ISO weekdays 1 (Monday) … 7 (Sunday); a missing day is not scheduled. */
// partialRecord: zod 4's z.record with enum keys demands every key, but a missing day means "not scheduled" (fixed by the server engineer, who hit it).
export const WeeklySchedule = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), Shift);
export type WeeklySchedule = z.infer<typeof WeeklySchedule>;

export const Absence = z.object({ date: IsoDate, kind: z.enum(['leave', 'sick', 'holiday', 'day_off']) });
export type Absence = z.infer<typeof Absence>;

/** The team's daily goal: what a scheduled working day needs to count towards the streak. */
export const DailyGoal = z.object({
  minSatisfied: z.number().int().min(0).default(1),
  minSolved: z.number().int().min(0).default(0),
  /** A day on which a rated ticket was not satisfied while an active mission's guardrail broke does not count. */
  noGuardrailBroken: z.boolean().default(true),
});
export type DailyGoal = z.infer<typeof DailyGoal>;

/** The goal of a team that set none, and of a person without a team: one satisfied customer, no guardrail broken. */
export const DEFAULT_DAILY_GOAL: DailyGoal = DailyGoal.parse({});

/** Mon–Fri 09:00–17:00: the schedule of a team that set none, and of a person without a team or schedule. */
export const DEFAULT_SCHEDULE: WeeklySchedule = {
  '1': { start: '09:00', end: '17:00' },
  '2': { start: '09:00', end: '17:00' },
  '3': { start: '09:00', end: '17:00' },
  '4': { start: '09:00', end: '17:00' },
  '5': { start: '09:00', end: '17:00' },
};

export const STREAK_MILESTONES = [3, 5, 10, 25, 50, 100] as const;
export const FREEZE_PERIOD_DAYS = 14;

export const StreakDayOutcome = z.enum(['met', 'missed', 'frozen', 'off', 'pending']);
export const StreakDay = z.object({ date: IsoDate, outcome: StreakDayOutcome });
export type StreakDay = z.infer<typeof StreakDay>;

export const StreakState = z.object({
  current: z.number().int().min(0),
  longest: z.number().int().min(0),
  freezesLeft: z.number().int().min(0),
  nextMilestone: z.number().int().nullable(),
  /** The most recent days, newest last, for the streak strip in the UI. */
  recent: z.array(StreakDay),
  /** Whether today (in the agent's zone) is already met. */
  todayMet: z.boolean(),
});
export type StreakState = z.infer<typeof StreakState>;
