import { z } from 'zod';
import { Id, IsoInstant } from '../domain/primitives';
import { KudosValue, Profile, IdeaStatus } from '../domain/people-model';
import { MissionSpec } from '../domain/mission-model';
import { MetricKey } from '../domain/metrics-model';
import { CareerMilestone } from '../domain/growth-model';
import { ConsultationAnswer, ConsultationKind } from '../domain/consultation-model';
import { SavePlanBody } from './growth-plans';

/** Request bodies of the agent's own actions. Each is sent with an `Idempotency-Key` header. */
export const SendKudosBody = z.object({
  toPersonId: Id,
  value: KudosValue,
  message: z.string().trim().min(1, 'say what they did').max(1000),
  ticketId: z.string().max(256).nullable().default(null),
  ticketUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});
export type SendKudosBody = z.infer<typeof SendKudosBody>;

export const ThankKudosBody = z.object({ kudosId: Id });
export const MarkKudosReadBody = z.object({ kudosIds: z.array(Id).min(1).max(500) });
export const AcceptOfferBody = z.object({ offerId: Id });
export const UpdateProfileBody = Profile;
export const TickTaskBody = z.object({ cardId: Id, taskId: Id, done: z.boolean() });
export const ReplyCoachingBody = z.object({ cardId: Id, text: z.string().trim().min(1).max(2000) });
export const SubmitIdeaBody = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(4000).default(''),
  anonymous: z.boolean().default(false),
});

/** An answer to a consultation of the agent's team (anonymous ones are stored without the person). */
export const AnswerConsultationBody = ConsultationAnswer.extend({ consultationId: Id });

/** Supervisor actions. */
export const AssignMissionBody = z.object({
  /** Either named agents or a whole team (scope team: one mission per member, progress on the team total). */
  agentIds: z.array(Id).max(500).default([]),
  teamId: Id.nullable().default(null),
  spec: MissionSpec,
});
export const CoachingCardBody = z.object({
  agentId: Id,
  focusMetric: MetricKey,
  current: z.string().max(500),
  potential: z.string().max(500),
  advice: z.string().min(1).max(4000),
  tasks: z
    .array(z.object({ text: z.string().trim().min(1).max(500), due: z.iso.date().nullable().default(null) }))
    .max(20),
});
export const MoveIdeaBody = z.object({
  status: IdeaStatus,
  response: z.string().max(4000).nullable().default(null),
});
export const RecordMilestoneBody = CareerMilestone.extend({ at: IsoInstant });
/** "Asked before change": a question to the team before deciding, until a closing date. */
export const AskTeamBody = z.object({
  question: z.string().trim().min(1, 'ask a question').max(300),
  details: z.string().max(4000).default(''),
  kind: ConsultationKind,
  /** For `options`: 2 to 8 choices; for `text`: none. */
  options: z.array(z.string().trim().min(1).max(200)).max(8).default([]),
  anonymous: z.boolean().default(false),
  closesAt: IsoInstant,
});
/** Closing the loop: what was decided and why, seen by every participant. */
export const DecideConsultationBody = z.object({
  decided: z.string().trim().min(1, 'say what was decided').max(2000),
  why: z.string().trim().min(1, 'say why').max(4000),
});
/** Kudos from a supervisor to every agent of a team at once ("Great week, everyone"): one kudos per member. */
export const TeamKudosBody = SendKudosBody.omit({ toPersonId: true });
export type TeamKudosBody = z.infer<typeof TeamKudosBody>;
/** The reply to a team kudos: the kudos created, one per agent member (the same ids on an Idempotency-Key replay). */
export const TeamKudosReply = z.object({ kudosIds: z.array(Id), duplicate: z.boolean() });
export type TeamKudosReply = z.infer<typeof TeamKudosReply>;

/**
 * The actions a client may queue in its outbox while offline. Each is the route of the same name in
 * shared/api/routes.ts; the outbox stores `{ key, action }` and replays it with the same Idempotency-Key until
 * the server acknowledges.
 */
export const OutboxAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sendKudos'), body: SendKudosBody }),
  z.object({ kind: z.literal('thankKudos'), body: ThankKudosBody }),
  z.object({ kind: z.literal('markKudosRead'), body: MarkKudosReadBody }),
  z.object({ kind: z.literal('acceptOffer'), body: AcceptOfferBody }),
  z.object({ kind: z.literal('updateProfile'), body: UpdateProfileBody }),
  z.object({ kind: z.literal('tickTask'), body: TickTaskBody }),
  z.object({ kind: z.literal('replyCoaching'), body: ReplyCoachingBody }),
  z.object({ kind: z.literal('submitIdea'), body: SubmitIdeaBody }),
  z.object({ kind: z.literal('answerConsultation'), body: AnswerConsultationBody }),
  z.object({ kind: z.literal('savePlan'), body: SavePlanBody }),
]);
export type OutboxAction = z.infer<typeof OutboxAction>;
export type OutboxActionKind = OutboxAction['kind'];

export const ActionAck = z.object({ ok: z.literal(true), id: z.string().nullable(), duplicate: z.boolean() });
export type ActionAck = z.infer<typeof ActionAck>;

/** Every 4xx/5xx body: a sentence for people, and where the problem is for programs. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
