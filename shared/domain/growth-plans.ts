import type { Visibility } from './people-model';
import type { IsoDate, IsoInstant } from './primitives';
import type {
  CheckInStatus,
  GrowthPlan,
  PlanDraft,
  PlanEvidence,
  PlanFacts,
  PlanProgress,
  PlanView,
} from './growth-plan-model';
import { daysBetween, msOf } from './time';

/** A check-in this many days ahead or fewer is "soon": the supervisor is reminded before the day. */
export const CHECK_IN_SOON_DAYS = 3;

/** One key per piece of evidence: the same evidence named twice in a skill counts once. */
export function evidenceKey(e: PlanEvidence): string {
  switch (e.kind) {
    case 'mission':
      return `mission:${e.missionId}`;
    case 'coaching':
      return `coaching:${e.cardId}`;
    case 'kudos':
      return `kudos:${e.value}:${e.count}`;
    case 'certification':
      // The linked milestone is part of what the piece is: an unlinked and a linked one of one name are two.
      return `certification:${e.name.trim().toLowerCase()}:${e.milestoneId ?? ''}`;
  }
}

export function evidenceLabel(e: PlanEvidence): string {
  switch (e.kind) {
    case 'mission':
      return `Mission: ${e.label}`;
    case 'coaching':
      return `Coaching: ${e.label}`;
    case 'kudos':
      return `${e.count} kudos for ${e.value}`;
    case 'certification':
      return `Certification: ${e.name}`;
  }
}

/** How much of one piece of evidence the facts show, as have/need. */
function evidenceHave(e: PlanEvidence, facts: PlanFacts): { have: number; need: number } {
  switch (e.kind) {
    case 'mission':
      return { have: facts.completedMissionIds.includes(e.missionId) ? 1 : 0, need: 1 };
    case 'coaching':
      return { have: facts.completedCardIds.includes(e.cardId) ? 1 : 0, need: 1 };
    case 'kudos': {
      const ids = new Set(facts.kudosReceived.filter((k) => k.value === e.value).map((k) => k.id));
      return { have: Math.min(ids.size, e.count), need: e.count };
    }
    case 'certification':
      return {
        have: e.milestoneId !== null && facts.careerMilestoneIds.includes(e.milestoneId) ? 1 : 0,
        need: 1,
      };
  }
}

/**
 * A plan's progress from the evidence the server can check: for each skill, how many of its pieces of
 * evidence are met (a piece named twice counts once); for the plan, all skills' pieces together. Depends only
 * on what the facts contain, not on their order or repeats.
 */
export function planProgress(plan: Pick<PlanDraft, 'skills'>, facts: PlanFacts): PlanProgress {
  const skills = plan.skills.map((skill) => {
    const seen = new Set<string>();
    const evidence = skill.evidence.flatMap((e) => {
      const key = evidenceKey(e);
      if (seen.has(key)) return [];
      seen.add(key);
      const { have, need } = evidenceHave(e, facts);
      return [{ key, label: evidenceLabel(e), met: have >= need, have, need }];
    });
    return {
      name: skill.name,
      met: evidence.filter((e) => e.met).length,
      total: evidence.length,
      evidence,
    };
  });
  const met = skills.reduce((n, s) => n + s.met, 0);
  const total = skills.reduce((n, s) => n + s.total, 0);
  return { met, total, ratio: total === 0 ? 0 : met / total, skills };
}

/** The evidence met, as (skill, evidence) pairs: what lands on the timeline, once each. */
export function metEvidence(progress: PlanProgress): { skill: string; key: string; label: string }[] {
  return progress.skills.flatMap((s) =>
    s.evidence.filter((e) => e.met).map((e) => ({ skill: s.name, key: e.key, label: e.label })),
  );
}

/**
 * Where a check-in stands on `today` (the agent's local date): none agreed, later, soon (within
 * CHECK_IN_SOON_DAYS), due today, or overdue.
 */
export function checkInStatus(nextCheckIn: IsoDate | null, today: IsoDate): CheckInStatus {
  if (nextCheckIn === null) return 'none';
  const days = daysBetween(today, nextCheckIn);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due';
  if (days <= CHECK_IN_SOON_DAYS) return 'soon';
  return 'later';
}

/** A check-in the supervisor should be reminded of: overdue, due today or soon. */
export const checkInNeedsReminder = (status: CheckInStatus): boolean =>
  status === 'overdue' || status === 'due' || status === 'soon';

/** How the reader stands to the plan's owner. An admin reads as a supervisor. */
export type PlanReader = 'self' | 'supervisor' | 'teammate' | 'other';

/**
 * The 3 Ps visibility rule (as for a profile field): "me" is seen by the agent alone; "supervisor" also by
 * their supervisor; "team" also by their teammates. Nobody else, whatever the plan says.
 */
export function planVisibleTo(visibility: Visibility, reader: PlanReader): boolean {
  if (reader === 'self') return true;
  if (reader === 'supervisor') return visibility === 'supervisor' || visibility === 'team';
  if (reader === 'teammate') return visibility === 'team';
  return false;
}

export function planView(plan: GrowthPlan, facts: PlanFacts, today: IsoDate): PlanView {
  return { plan, progress: planProgress(plan, facts), checkIn: checkInStatus(plan.nextCheckIn, today) };
}

/** Problems a plan's shape cannot say by itself: skills named twice. */
export function planDraftProblems(draft: PlanDraft): { path: string; message: string }[] {
  const seen = new Set<string>();
  return draft.skills.flatMap((s, i) => {
    const name = s.name.trim().toLowerCase();
    if (seen.has(name)) return [{ path: `skills.${i}.name`, message: `“${s.name}” is already a skill` }];
    seen.add(name);
    return [];
  });
}

/**
 * The check-ins a supervisor should be reminded of among shared plans, most urgent first (earliest date,
 * then agent id), so the order never depends on the order the plans were read in.
 */
export function checkInsToRemind<T extends { agentId: string; nextCheckIn: IsoDate | null }>(
  plans: readonly T[],
  todayOf: (plan: T) => IsoDate,
): (T & { checkIn: CheckInStatus })[] {
  return plans
    .map((p) => ({ ...p, checkIn: checkInStatus(p.nextCheckIn, todayOf(p)) }))
    .filter((p) => checkInNeedsReminder(p.checkIn))
    .sort(
      (a, b) =>
        (a.nextCheckIn ?? '').localeCompare(b.nextCheckIn ?? '') || a.agentId.localeCompare(b.agentId),
    );
}

/** Why a next check-in date cannot be agreed on `today` (the agent's date): one in the past. */
export function nextCheckInProblem(next: IsoDate | null, today: IsoDate): string | null {
  if (next !== null && daysBetween(today, next) < 0) return 'The next check-in cannot be in the past.';
  return null;
}

/**
 * The next check-in a save of the agent's keeps. A check-in the supervisor recorded after the agent opened the
 * editor (one the save did not see) agreed its own next date, and the agent's older copy of the date must not
 * undo that; otherwise the agent's date stands. `seenCheckInAt` is the last check-in the editor was opened with
 * (null: none); a client that does not say (undefined) is taken at its word, as before.
 */
export function nextCheckInAfterSave(
  previous: Pick<GrowthPlan, 'nextCheckIn' | 'lastCheckIn'> | null,
  draft: Pick<PlanDraft, 'nextCheckIn'>,
  seenCheckInAt: IsoInstant | null | undefined,
): IsoDate | null {
  if (!previous || seenCheckInAt === undefined || !previous.lastCheckIn) return draft.nextCheckIn;
  const seen = seenCheckInAt !== null && msOf(seenCheckInAt) === msOf(previous.lastCheckIn.at);
  return seen ? draft.nextCheckIn : previous.nextCheckIn;
}
