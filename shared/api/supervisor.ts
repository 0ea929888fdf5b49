import { z } from 'zod';
import { Id, IsoInstant } from '../domain/primitives';
import { CoachingCard, Idea, Visibility } from '../domain/people-model';
import { MissionView } from '../domain/mission-model';
import { ConsultationResults, StoredConsultation } from '../domain/consultation-model';

export const TeamMemberOverview = z.object({
  personId: Id,
  name: z.string(),
  missions: z.array(MissionView),
  streak: z.object({ current: z.number().int(), longest: z.number().int() }),
  lastRecognisedAt: IsoInstant.nullable(),
  /** Not recognised in NOT_RECOGNISED_DAYS: shown as "nobody forgotten" with suggestions. */
  notRecognised: z.boolean(),
  suggestions: z.array(z.object({ reason: z.string(), ticketId: z.string().nullable() })),
  /** The 3 Ps fields this person chose to share with their supervisor or team, as one-on-one prompts. */
  sharedProfile: z.array(
    z.object({ field: z.string(), text: z.string(), visibility: Visibility, prompt: z.string() }),
  ),
});
export type TeamMemberOverview = z.infer<typeof TeamMemberOverview>;

/** A consultation as its team's supervisor sees it: live results, and who said what unless it is anonymous. */
export const ConsultationOverview = StoredConsultation.extend({
  results: ConsultationResults,
  /** Named consultations only: each answer with its author. Always empty for an anonymous one. */
  namedAnswers: z.array(
    z.object({ personId: Id, name: z.string(), optionId: Id.nullable(), text: z.string(), at: IsoInstant }),
  ),
  /** How many agents of the team could answer. */
  teamAgents: z.number().int().min(0),
});
export type ConsultationOverview = z.infer<typeof ConsultationOverview>;

export const TeamOverview = z.object({
  teamId: Id,
  name: z.string(),
  members: z.array(TeamMemberOverview),
  ideas: z.array(Idea),
  consultations: z.array(ConsultationOverview),
});
export type TeamOverview = z.infer<typeof TeamOverview>;

/** The reply to an assigned mission: one mission per agent named (or per agent of the team). */
export const AssignedMissions = z.object({ missionIds: z.array(Id) });
/** The reply to a supervisor write that makes or changes one thing. */
export const CreatedId = z.object({ id: Id });

/** One agent of a team with the coaching cards written for them, open ones first, newest first. */
export const AgentCoaching = z.object({
  personId: Id,
  name: z.string(),
  cards: z.array(CoachingCard),
});
export type AgentCoaching = z.infer<typeof AgentCoaching>;

/** The supervisor's side of coaching: every agent of the team, each with their cards' tasks and replies. */
export const TeamCoaching = z.object({
  teamId: Id,
  name: z.string(),
  agents: z.array(AgentCoaching),
});
export type TeamCoaching = z.infer<typeof TeamCoaching>;
