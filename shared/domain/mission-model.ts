import { z } from 'zod';
import { Id, IsoInstant } from './primitives';
import { MetricKey } from './metrics-model';
import { missionSpecProblems } from './mission-spec-rules';

export const Comparator = z.enum(['atLeast', 'atMost']);
export type Comparator = z.infer<typeof Comparator>;

/** A condition that must hold for a mission to count, e.g. CSAT stays at 90% or more. */
export const Guardrail = z.object({ metric: MetricKey, comparator: Comparator, threshold: z.number() });
export type Guardrail = z.infer<typeof Guardrail>;

export const MissionOrigin = z.enum(['supervisor', 'offer', 'agent']);
export const OfferKind = z.enum(['steady', 'stretch', 'growth']);
export type OfferKind = z.infer<typeof OfferKind>;

/**
 * The fields of a mission, as stored and read back. Reading never re-judges a stored mission: a mission that
 * was valid when it was assigned stays readable whatever the rules say later.
 */
export const MissionSpecFields = z.object({
  title: z.string().trim().max(200),
  metric: MetricKey,
  comparator: Comparator,
  target: z.number(),
  window: z.object({ start: IsoInstant, end: IsoInstant }),
  /** Judged by missionSpecProblems (whole, 1…1000) so the refusal says so in words. */
  minSample: z.number().default(1),
  guardrails: z.array(Guardrail).max(5).default([]),
  reward: z.object({ points: z.number().int().min(0).max(10_000) }).default({ points: 50 }),
});

/**
 * A mission someone asks for (a supervisor's assignment, an accepted offer): the fields plus the per-metric
 * rules of missionSpecProblems, each refusal a sentence at the field it is about.
 */
export const MissionSpec = MissionSpecFields.superRefine((spec, ctx) => {
  for (const p of missionSpecProblems(spec))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});
export type MissionSpec = z.infer<typeof MissionSpecFields>;

export const MissionStatus = z.enum(['active', 'completed', 'missed', 'cancelled']);
export type MissionStatus = z.infer<typeof MissionStatus>;

export const Mission = MissionSpecFields.extend({
  id: Id,
  scope: z.enum(['agent', 'team']),
  agentId: Id,
  teamId: Id.nullable(),
  origin: MissionOrigin,
  kind: OfferKind.nullable(),
  status: MissionStatus,
  createdAt: IsoInstant,
  settledAt: IsoInstant.nullable(),
});
export type Mission = z.infer<typeof Mission>;

/** What a person sees: on track / at risk while running, then the settled outcome. */
export const ProgressState = z.enum(['active', 'on_track', 'at_risk', 'completed', 'missed', 'cancelled']);
export type ProgressState = z.infer<typeof ProgressState>;

export const GuardrailStatus = z.object({
  guardrail: Guardrail,
  value: z.number().nullable(),
  /** null while there is not enough data to judge it. */
  holds: z.boolean().nullable(),
  sentence: z.string(),
});
export type GuardrailStatus = z.infer<typeof GuardrailStatus>;

export const MissionProgress = z.object({
  value: z.number().nullable(),
  sample: z.number().int().min(0),
  ratio: z.number().min(0).max(1),
  state: ProgressState,
  guardrails: z.array(GuardrailStatus),
  /** "12 of 40 solved, 3 days left". */
  sentence: z.string(),
  msLeft: z.number().min(0),
});
export type MissionProgress = z.infer<typeof MissionProgress>;

export const MissionView = z.object({ mission: Mission, progress: MissionProgress });
export type MissionView = z.infer<typeof MissionView>;

export const MissionOffer = z.object({
  id: Id,
  agentId: Id,
  weekStart: z.string(),
  kind: OfferKind,
  spec: MissionSpecFields,
  /** The agent's own recent level on this metric the target was computed from. */
  baseline: z.number(),
  /** The team's top quartile, which no offer exceeds. */
  cap: z.number().nullable(),
  sentence: z.string(),
  status: z.enum(['open', 'accepted', 'expired']),
});
export type MissionOffer = z.infer<typeof MissionOffer>;
