import type { TimelineEntry } from '../../../shared/domain/growth-model';
import type { GrowthPlan, PlanView } from '../../../shared/domain/growth-plan-model';
import { metEvidence, planView } from '../../../shared/domain/growth-plans';
import { localDateOf } from '../../../shared/domain/time';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import type { UnitOfWork } from '../store/unit-of-work';
import { loadPerson } from '../store/repos/people-repo';
import { loadPlan, planFactsOf } from '../store/repos/growth-plans-repo';
import { insertTimeline } from '../store/repos/timeline-repo';
import { refreshBatchOf } from './refresh-batch';

/**
 * Reads the plan's progress from the agent's records, feeds it to the agent, and puts each piece of evidence
 * met on the timeline once (the entry id comes from the skill and the evidence, so reading again records
 * nothing new). No points: what built the evidence earned them already.
 */
export async function refreshPlanProgress(
  uow: UnitOfWork,
  plan: GrowthPlan,
  timezone: string,
): Promise<PlanView> {
  const view = planView(plan, await planFactsOf(uow.trx, plan.agentId), localDateOf(uow.now, timezone));
  for (const met of metEvidence(view.progress)) {
    const skill = view.progress.skills.find((s) => s.name === met.skill);
    const entry = timelineEntryFor({
      kind: 'plan_progress',
      agentId: plan.agentId,
      skill: met.skill,
      key: met.key,
      label: met.label,
      goal: plan.goal.text,
      met: skill?.met ?? 0,
      total: skill?.total ?? 0,
      at: uow.now,
    });
    if (await insertTimeline(uow.trx, entry)) uow.feed(plan.agentId, 'timeline.added', entry);
  }
  uow.feed(plan.agentId, 'plan.updated', view);
  return view;
}

/** Whether a new achievement can be evidence on this plan (so the plan is read again only when it can). */
function mayBuild(plan: GrowthPlan, entry: TimelineEntry): boolean {
  return plan.skills.some((s) =>
    s.evidence.some((e) => {
      switch (e.kind) {
        case 'mission':
          return entry.kind === 'mission_completed' && entry.refId === e.missionId;
        case 'coaching':
          return entry.kind === 'coaching_completed' && entry.refId === e.cardId;
        case 'kudos':
          return entry.kind === 'kudos_received';
        case 'certification':
          return entry.kind === 'career_milestone' && entry.id === e.milestoneId;
      }
    }),
  );
}

/**
 * Called for every achievement recorded: refreshes the agent's plan when the achievement may count on it.
 * Inside an ingest batch the refresh waits for the batch's rows to be written (refreshPendingPlans): the
 * plan's facts are read from the tables, where a mission the batch completed is still active until then.
 */
export async function planProgressAfter(uow: UnitOfWork, entry: TimelineEntry): Promise<void> {
  const plan = await loadPlan(uow.trx, entry.agentId);
  if (!plan || !mayBuild(plan, entry)) return;
  const batch = refreshBatchOf(uow);
  if (batch) {
    batch.pendingPlans.add(entry.agentId);
    return;
  }
  await refreshPlanOf(uow, plan);
}

/** The plans an ingest batch queued, read again once its rows are written, in the same transaction. */
export async function refreshPendingPlans(uow: UnitOfWork, agentIds: Iterable<string>): Promise<void> {
  for (const agentId of [...agentIds].sort()) {
    const plan = await loadPlan(uow.trx, agentId);
    if (plan) await refreshPlanOf(uow, plan);
  }
}

async function refreshPlanOf(uow: UnitOfWork, plan: GrowthPlan): Promise<void> {
  const person = await loadPerson(uow.trx, plan.agentId);
  if (person) await refreshPlanProgress(uow, plan, person.timezone);
}
