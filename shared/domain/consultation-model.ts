import { z } from 'zod';
import { Id, IsoInstant } from './primitives';

/**
 * "Asked before change": a supervisor asks their team a question before deciding, with options or free text,
 * optionally anonymous, until a closing date; then closes the loop with what was decided and why.
 */
export const ConsultationKind = z.enum(['options', 'text']);
export type ConsultationKind = z.infer<typeof ConsultationKind>;

export const ConsultationOption = z.object({ id: Id, label: z.string().trim().min(1).max(200) });
export type ConsultationOption = z.infer<typeof ConsultationOption>;

/** One answer as the agent sends it: an option (options kind, with an optional comment) or a text. */
export const ConsultationAnswer = z.object({
  optionId: Id.nullable().default(null),
  text: z.string().trim().max(2000).default(''),
});
export type ConsultationAnswer = z.infer<typeof ConsultationAnswer>;

/**
 * The answers of a consultation folded together: counts per option, the texts sorted (so their order says
 * nothing about who answered when) and how many answered. An anonymous consultation keeps only this.
 */
export const ConsultationTally = z.object({
  answers: z.number().int().min(0),
  counts: z.record(z.string(), z.number().int().min(0)),
  texts: z.array(z.string()),
});
export type ConsultationTally = z.infer<typeof ConsultationTally>;

/** Results as people may see them: aggregates only, withheld while too few answered an anonymous question. */
export const ConsultationResults = z.object({
  answers: z.number().int().min(0),
  /** Anonymous and fewer than ANONYMOUS_MIN_ANSWERS answers: counts and texts are held back. */
  withheld: z.boolean(),
  options: z.array(z.object({ id: Id, label: z.string(), count: z.number().int().min(0) })),
  texts: z.array(z.string()),
});
export type ConsultationResults = z.infer<typeof ConsultationResults>;

export const ConsultationDecision = z.object({
  decided: z.string().trim().min(1).max(2000),
  why: z.string().trim().min(1).max(4000),
  at: IsoInstant,
});
export type ConsultationDecision = z.infer<typeof ConsultationDecision>;

/** A consultation as stored: the same for every viewer. */
export const StoredConsultation = z.object({
  id: Id,
  teamId: Id,
  authorId: Id,
  authorName: z.string(),
  question: z.string().trim().min(1).max(300),
  details: z.string().max(4000),
  kind: ConsultationKind,
  options: z.array(ConsultationOption),
  anonymous: z.boolean(),
  closesAt: IsoInstant,
  createdAt: IsoInstant,
  decision: ConsultationDecision.nullable(),
  /** The results published with the decision ("you said, we decided"): every participant sees them. */
  publishedResults: ConsultationResults.nullable(),
});
export type StoredConsultation = z.infer<typeof StoredConsultation>;

/** A consultation as one person sees it: whether they answered (never what, for an anonymous one). */
export const Consultation = StoredConsultation.extend({ answered: z.boolean() });
export type Consultation = z.infer<typeof Consultation>;

export type ConsultationPhase = 'open' | 'awaiting_decision' | 'decided';

/** One line of the shared "you said, we did" history of ideas and consultations. */
export const YouSaidWeDidEntry = z.object({
  kind: z.enum(['idea', 'consultation']),
  id: Id,
  said: z.string(),
  did: z.string(),
  why: z.string().nullable(),
  outcome: z.enum(['done', 'planned', 'declined', 'decided']),
  at: IsoInstant,
});
export type YouSaidWeDidEntry = z.infer<typeof YouSaidWeDidEntry>;
