import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from './primitives';
import { PersonalBest } from './growth-model';
import { Kudos, KudosValue } from './people-model';
import { MissionOffer } from './mission-model';
import { CheckInStatus } from './growth-plan-model';

/** One number of the week against the agent's own usual (againstOwnPast): never anyone else's. */
export const OwnPastNumber = z.object({
  value: z.number(),
  usual: z.number().nullable(),
  change: z.enum(['above_usual', 'usual', 'below_usual', 'first_weeks']),
});
export type OwnPastNumber = z.infer<typeof OwnPastNumber>;

/** A kudos that named the agent in the week, as the recap lists it. */
export const RecapKudos = z.object({
  id: Id,
  kind: Kudos.shape.kind,
  fromName: z.string(),
  value: KudosValue,
  message: z.string(),
  at: IsoInstant,
});

/** A mission that settled in the week: completed or missed (cancelled ones are not the agent's doing). */
export const RecapMission = z.object({
  id: Id,
  title: z.string(),
  status: z.enum(['completed', 'missed']),
  settledAt: IsoInstant,
});

/**
 * The agent's weekly recap: what they did in the week that ended (`weekStart`), against their own past only,
 * and the offers for the week that begins (`forWeek`). Delivered once, at the start of their first shift.
 */
export const WeeklyRecap = z.object({
  id: Id,
  agentId: Id,
  name: z.string(),
  timezone: z.string(),
  weekStart: IsoDate,
  forWeek: IsoDate,
  deliveredAt: IsoInstant,
  solved: OwnPastNumber,
  /** Distinct tickets (each a customer's request) the agent replied to in public or solved. */
  customersHelped: OwnPastNumber,
  /** Customers who rated the agent's help as satisfied. */
  thanksReceived: OwnPastNumber,
  kudos: z.array(RecapKudos),
  personalBests: z.array(PersonalBest),
  missions: z.array(RecapMission),
  streak: z.object({ current: z.number().int().min(0), longest: z.number().int().min(0) }),
  offers: z.array(MissionOffer),
});
export type WeeklyRecap = z.infer<typeof WeeklyRecap>;

/** A team member in the briefing's "who to recognise": everyone appears, the longest unrecognised first. */
export const BriefingRecognition = z.object({
  personId: Id,
  name: z.string(),
  lastRecognisedAt: IsoInstant.nullable(),
  daysSince: z.number().int().min(0).nullable(),
  /** Not recognised in NOT_RECOGNISED_DAYS (and not new to the team). */
  notRecognised: z.boolean(),
  kudosThisWeek: z.number().int().min(0),
});

export const BriefingIdea = z.object({
  id: Id,
  title: z.string(),
  /** null for an anonymous idea: the briefing never names its author. */
  authorName: z.string().nullable(),
  createdAt: IsoInstant,
  daysWaiting: z.number().int().min(0),
});

export const BriefingConsultation = z.object({
  id: Id,
  question: z.string(),
  closesAt: IsoInstant,
  daysWaiting: z.number().int().min(0),
});

export const BriefingOverdueTask = z.object({
  agentId: Id,
  agentName: z.string(),
  cardId: Id,
  taskId: Id,
  text: z.string(),
  due: IsoDate,
  daysOverdue: z.number().int().min(1),
});

/** A growth-plan check-in due (overdue, today or within 3 days), on a plan the agent shares with their supervisor. */
export const BriefingCheckIn = z.object({
  agentId: Id,
  name: z.string(),
  goal: z.string(),
  nextCheckIn: IsoDate,
  checkIn: CheckInStatus.extract(['overdue', 'due', 'soon']),
});
export type BriefingCheckIn = z.infer<typeof BriefingCheckIn>;

/**
 * The supervisor's one-page briefing for the weekly meeting, about the week that ended (`weekStart`, in the
 * team's zone): who to recognise (nobody forgotten), ideas and consultations waiting for their answer,
 * check-ins due on the growth plans shared with the supervisor, and coaching tasks overdue.
 */
export const TeamBriefing = z.object({
  id: Id,
  teamId: Id,
  teamName: z.string(),
  timezone: z.string(),
  weekStart: IsoDate,
  forWeek: IsoDate,
  generatedAt: IsoInstant,
  recognise: z.array(BriefingRecognition),
  ideasWaiting: z.array(BriefingIdea),
  consultationsWaiting: z.array(BriefingConsultation),
  /** Defaults to none so a briefing stored before check-ins were part of it still reads. */
  checkInsDue: z.array(BriefingCheckIn).default([]),
  coachingOverdue: z.array(BriefingOverdueTask),
});
export type TeamBriefing = z.infer<typeof TeamBriefing>;
