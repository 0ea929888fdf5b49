import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from './primitives';

/**
 * Recognition that reaches everyone (issue 18): the agent's impact this month in customers' own words, a
 * most-improved board for those who opted in, and tough days suggested to supervisors as reasons for kudos.
 * The shapes here are what the routes answer (shared/api/routes.ts); the rules are in impact.ts,
 * most-improved.ts and tough-days.ts.
 */

/** A calendar month, YYYY-MM, read in the person's own time zone. */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export type IsoMonth = z.infer<typeof IsoMonth>;

/** A customer's own words from a satisfied rating with a comment. */
export const CustomerWords = z.object({
  text: z.string().max(4000),
  /** The customer's name as the helpdesk gave it, or "A customer". */
  from: z.string().max(200),
  ticketId: z.string().max(256),
  at: IsoInstant,
});
export type CustomerWords = z.infer<typeof CustomerWords>;

/** A ticket whose customer's last complaint was followed by this agent's solve or a satisfied rating. */
export const TurnedAround = z.object({ ticketId: z.string().max(256), at: IsoInstant });
export type TurnedAround = z.infer<typeof TurnedAround>;

export const ImpactSummary = z.object({
  month: IsoMonth,
  /** Distinct tickets the agent answered publicly or solved in the month. */
  helped: z.number().int().min(0),
  /** Tickets whose latest rating in the month, for this agent, was satisfied and came with words. */
  thanked: z.number().int().min(0),
  /** The newest of those words (at most IMPACT_WORDS), newest first. */
  words: z.array(CustomerWords),
  /** Tough tickets turned around in the month, newest first. */
  turnedAround: z.array(TurnedAround),
});
export type ImpactSummary = z.infer<typeof ImpactSummary>;

/** Satisfied over rated tickets in a window: each ticket's latest rating there, for the agent it names. */
export const RatingCounts = z.object({
  satisfied: z.number().int().min(0),
  rated: z.number().int().min(0),
});
export type RatingCounts = z.infer<typeof RatingCounts>;

/** One person's standing against their own baseline: ranked only with enough ratings in both windows. */
export const Improvement = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('measured'),
    /** Satisfied share this month minus the baseline's, in percentage points (2 decimals). */
    points: z.number(),
    monthPct: z.number().min(0).max(100),
    baselinePct: z.number().min(0).max(100),
  }),
  z.object({
    status: z.literal('not_enough_data'),
    /** Ratings so far, and how many each window needs. */
    monthRated: z.number().int().min(0),
    baselineRated: z.number().int().min(0),
    minRated: z.number().int().min(1),
  }),
]);
export type Improvement = z.infer<typeof Improvement>;

export const BoardEntry = z.object({
  rank: z.number().int().min(1),
  personId: Id,
  name: z.string(),
  points: z.number(),
  monthPct: z.number(),
  baselinePct: z.number(),
});
export type BoardEntry = z.infer<typeof BoardEntry>;

/**
 * The most-improved board of a team for a month. Only people who opted in are ever in it, only its top part is
 * shown (never the bottom of the ranking), and `you` is the caller's own standing, seen by nobody else.
 */
export const ImprovementBoard = z.object({
  teamId: Id,
  month: IsoMonth,
  /** Whether the caller may see the entries: opted-in members, the team's supervisors and admins. */
  visible: z.boolean(),
  entries: z.array(BoardEntry),
  /** The caller's own standing when they are an opted-in member; null otherwise. */
  you: z.object({ improvement: Improvement, shown: z.boolean() }).nullable(),
  /** What the board is and why someone is or is not on it, in one sentence. */
  note: z.string(),
});
export type ImprovementBoard = z.infer<typeof ImprovementBoard>;

export const RecognitionSettings = z.object({
  /** On the team's most-improved board (and able to see it). Off unless the person turns it on. */
  boardOptIn: z.boolean(),
});
export type RecognitionSettings = z.infer<typeof RecognitionSettings>;

/** A day with several tough contacts handled to the end, in the agent's own time zone. */
export const ToughDay = z.object({
  date: IsoDate,
  /** Tickets solved by the agent that day whose customer had been unhappy or abusive. */
  contacts: z.number().int().min(1),
  unhappy: z.number().int().min(0),
  abusive: z.number().int().min(0),
  ticketIds: z.array(z.string().max(256)),
});
export type ToughDay = z.infer<typeof ToughDay>;

/** A reason for kudos the supervisor sees (never a penalty): a tough day, with the words to prefill. */
export const ToughDaySuggestion = ToughDay.extend({
  personId: Id,
  name: z.string(),
  reason: z.string(),
  /** What the kudos composer is prefilled with. */
  kudos: z.object({ value: z.literal('Tough customer'), message: z.string().max(1000) }),
});
export type ToughDaySuggestion = z.infer<typeof ToughDaySuggestion>;

export const ToughDaySuggestions = z.object({
  teamId: Id,
  since: IsoDate,
  suggestions: z.array(ToughDaySuggestion),
});
export type ToughDaySuggestions = z.infer<typeof ToughDaySuggestions>;
