import { z } from 'zod';
import { Id } from '../domain/primitives';
import { Role, Kudos, Profile, CoachingCard, Idea } from '../domain/people-model';
import { MissionView, MissionOffer } from '../domain/mission-model';
import { StreakState } from '../domain/streak-model';
import { GrowthState, TimelineEntry } from '../domain/growth-model';
import { WeeklyTrendPoint } from '../domain/metrics-model';
import { Consultation } from '../domain/consultation-model';
import { PlanView } from '../domain/growth-plan-model';

export const PersonSummary = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  timezone: z.string(),
  teamIds: z.array(Id),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const Teammate = z.object({ id: Id, name: z.string() });
export const TeamSummary = z.object({
  id: Id,
  name: z.string(),
  timezone: z.string(),
  members: z.array(Teammate),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const KudosBox = z.object({
  inbox: z.array(Kudos),
  /** Peer kudos this person has sent today (their time zone), against the daily cap. */
  sentToday: z.number().int().min(0),
  dailyCap: z.number().int().min(0),
});
export type KudosBox = z.infer<typeof KudosBox>;

/** Everything the companion shows, as of `cursor` (the last feed seq folded into it). */
export const Snapshot = z.object({
  person: PersonSummary,
  team: TeamSummary.nullable(),
  missions: z.array(MissionView),
  offers: z.array(MissionOffer),
  streak: StreakState,
  growth: GrowthState,
  kudos: KudosBox,
  timeline: z.array(TimelineEntry),
  trends: z.array(WeeklyTrendPoint),
  profile: Profile,
  coaching: z.array(CoachingCard),
  ideas: z.array(Idea),
  /** Questions the person's teams were asked, as this person sees them (open, waiting, decided). */
  consultations: z.array(Consultation),
  /** The person's growth plan with its progress, or null before they start one (older caches: null). */
  plan: PlanView.nullable().default(null),
  cursor: z.number().int().min(0),
});
export type Snapshot = z.infer<typeof Snapshot>;
