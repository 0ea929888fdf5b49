import { z } from 'zod';
import { Id, IsoDate, IsoInstant, Text } from './primitives';
import { KudosValue, Visibility } from './people-model';

/**
 * An agent's growth plan: where they want to go (a role here, or a skill to take elsewhere), the skills that
 * takes, and for each skill the evidence that builds it. Evidence is always something the server can check —
 * a mission completed, a coaching card completed, kudos received for a value, a certification recorded as a
 * career milestone — never a box the agent ticks, so a plan's progress means what it says.
 */
export const PlanGoal = z.object({
  kind: z.enum(['role_here', 'skill_elsewhere']),
  text: Text(200, 1),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const PLAN_MAX_SKILLS = 8;
export const PLAN_MAX_EVIDENCE = 10;
export const KUDOS_EVIDENCE_MAX_COUNT = 20;

export const PlanEvidence = z.discriminatedUnion('kind', [
  /** Built when this mission (one of the agent's) is completed. */
  z.object({ kind: z.literal('mission'), missionId: Id, label: Text(200, 1) }),
  /** Built when this coaching card (written for the agent) is completed. */
  z.object({ kind: z.literal('coaching'), cardId: Id, label: Text(200, 1) }),
  /** Built when the agent has received `count` kudos for this value (any sender, any time). */
  z.object({
    kind: z.literal('kudos'),
    value: KudosValue,
    count: z.number().int().min(1).max(KUDOS_EVIDENCE_MAX_COUNT),
  }),
  /**
   * A certification: named by the agent, built once a supervisor records it as a career milestone and the
   * agent links that milestone (`milestoneId`, the timeline entry's id). Until then it is the target.
   */
  z.object({ kind: z.literal('certification'), name: Text(200, 1), milestoneId: Id.nullable() }),
]);
export type PlanEvidence = z.infer<typeof PlanEvidence>;

export const PlanSkill = z.object({
  name: Text(100, 1),
  evidence: z.array(PlanEvidence).max(PLAN_MAX_EVIDENCE),
});
export type PlanSkill = z.infer<typeof PlanSkill>;

/** What the agent writes (the body of savePlan). */
export const PlanDraft = z.object({
  goal: PlanGoal,
  skills: z.array(PlanSkill).max(PLAN_MAX_SKILLS),
  /** Who sees it, with the 3 Ps' words: only me, me and my supervisor, my team. */
  visibility: Visibility,
  /** The next check-in, agreed with the supervisor; a date in the agent's zone. */
  nextCheckIn: IsoDate.nullable(),
});
export type PlanDraft = z.infer<typeof PlanDraft>;

/** A check-in the supervisor recorded: when, who, what was agreed. */
export const PlanCheckIn = z.object({
  at: IsoInstant,
  byName: z.string(),
  note: z.string().max(2000),
});
export type PlanCheckIn = z.infer<typeof PlanCheckIn>;

export const GrowthPlan = PlanDraft.extend({
  agentId: Id,
  /** The last check-in the supervisor recorded (the agent's saves keep it). */
  lastCheckIn: PlanCheckIn.nullable().default(null),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type GrowthPlan = z.infer<typeof GrowthPlan>;

/** What the server can check, read from the agent's own records. */
export interface PlanFacts {
  completedMissionIds: readonly string[];
  completedCardIds: readonly string[];
  /** One item per kudos received (ids make a duplicate harmless). */
  kudosReceived: readonly { id: string; value: KudosValue }[];
  /** Timeline entry ids of the agent's career milestones. */
  careerMilestoneIds: readonly string[];
}

export const EvidenceProgress = z.object({
  key: z.string(),
  label: z.string(),
  met: z.boolean(),
  /** For kudos: how many so far, against `count`; 0/1 for the rest. */
  have: z.number().int().min(0),
  need: z.number().int().min(1),
});
export const SkillProgress = z.object({
  name: z.string(),
  met: z.number().int().min(0),
  total: z.number().int().min(0),
  evidence: z.array(EvidenceProgress),
});
export const PlanProgress = z.object({
  met: z.number().int().min(0),
  total: z.number().int().min(0),
  /** 0–1: evidence met over evidence named (0 for a plan that names none). */
  ratio: z.number().min(0).max(1),
  skills: z.array(SkillProgress),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

export const CheckInStatus = z.enum(['none', 'later', 'soon', 'due', 'overdue']);
export type CheckInStatus = z.infer<typeof CheckInStatus>;

/** A plan as a reader sees it: the plan, its progress and where its check-in stands today. */
export const PlanView = z.object({
  plan: GrowthPlan,
  progress: PlanProgress,
  checkIn: CheckInStatus,
});
export type PlanView = z.infer<typeof PlanView>;
