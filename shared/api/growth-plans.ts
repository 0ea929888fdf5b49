import { z } from 'zod';
import { Id, IsoDate, IsoInstant, Text } from '../domain/primitives';
import { CheckInStatus, PlanDraft, PlanView } from '../domain/growth-plan-model';

/**
 * The agent's own plan, written whole (goal, skills with their evidence, who sees it, next check-in), and the
 * last check-in the editor was opened with, so a check-in recorded meanwhile keeps the date it agreed.
 */
export const SavePlanBody = PlanDraft.extend({ seenCheckInAt: IsoInstant.nullable().optional() });
export type SavePlanBody = z.infer<typeof SavePlanBody>;

/** GET /api/people/:id/plan — a plan as someone allowed to see it sees it. */
export const PersonPlan = PlanView.extend({ name: z.string() });
export type PersonPlan = z.infer<typeof PersonPlan>;

/** A check-in the supervisor should be reminded of: overdue, today, or within a few days. */
export const CheckInDue = z.object({
  agentId: Id,
  name: z.string(),
  goal: z.string(),
  nextCheckIn: IsoDate,
  checkIn: CheckInStatus,
});
export type CheckInDue = z.infer<typeof CheckInDue>;

/** GET /api/teams/:teamId/plans — the plans the team's agents share with their supervisor, and check-ins due. */
export const TeamPlans = z.object({
  plans: z.array(PersonPlan.extend({ agentId: Id })),
  checkInsDue: z.array(CheckInDue),
});
export type TeamPlans = z.infer<typeof TeamPlans>;

/** The supervisor records a check-in on a shared plan: what was agreed, and the next date (or none). */
export const RecordCheckInBody = z.object({
  note: Text(2000).default(''),
  nextCheckIn: IsoDate.nullable(),
});
export type RecordCheckInBody = z.infer<typeof RecordCheckInBody>;
