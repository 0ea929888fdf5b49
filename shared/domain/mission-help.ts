import type { MissionView } from './mission-model';

/**
 * What would help a running mission, as a next step a person can count: "13 more solved tickets complete
 * this", "3 more satisfied ratings keep this on track". Said only where the mission's own numbers make it
 * exact (a count, or a percentage whose sample is the mission metric's); null otherwise, and null once the
 * target is met. Pure: the same view always gives the same sentence.
 */
export function missionHelp(view: MissionView): string | null {
  const { mission, progress } = view;
  if (mission.status !== 'active' || progress.state === 'completed' || progress.msLeft <= 0) return null;
  const { value, sample } = progress;
  const keep = progress.state === 'at_risk' ? 'keep this on track' : `reach ${mission.target}%`;

  if (mission.metric === 'solved' && mission.comparator === 'atLeast') {
    const more = Math.ceil(mission.target) - Math.floor(value ?? 0);
    if (more <= 0) return null;
    const tickets = `${more} more solved ticket${more === 1 ? '' : 's'}`;
    // With a guardrail not holding, the count alone does not complete the mission: say only what it does.
    return progress.guardrails.some((g) => g.holds === false)
      ? `${tickets} reach${more === 1 ? 'es' : ''} ${Math.ceil(mission.target)}.`
      : `${tickets} complete${more === 1 ? 's' : ''} this.`;
  }
  if (value === null || sample <= 0) return null;

  if (mission.metric === 'csatPct' && mission.comparator === 'atLeast') {
    const more = satisfiedRatingsNeeded(Math.round((value * sample) / 100), sample, mission.target);
    if (more === null || more === 0) return null;
    return `${more} more satisfied rating${more === 1 ? '' : 's'} ${keep}.`;
  }
  if (mission.metric === 'reopenRate' && mission.comparator === 'atMost') {
    const more = cleanSolvesNeeded(Math.round((value * sample) / 100), sample, mission.target);
    if (more === null || more === 0) return null;
    return `${more} more solved ticket${more === 1 ? '' : 's'} that stay${more === 1 ? 's' : ''} solved ${
      progress.state === 'at_risk' ? 'keep this on track' : `bring it to ${mission.target}%`
    }.`;
  }
  return null;
}

/**
 * The fewest further satisfied ratings that lift `satisfied` of `rated` to `targetPct` or more; null when no
 * number of them can (a 100% target after an unsatisfied rating).
 */
export function satisfiedRatingsNeeded(satisfied: number, rated: number, targetPct: number): number | null {
  if (rated > 0 && (100 * satisfied) / rated >= targetPct) return 0;
  if (targetPct >= 100) return null;
  // 100(s + k) ≥ t(r + k)  ⇔  k ≥ (t·r − 100·s) / (100 − t)
  let k = Math.max(0, Math.ceil((targetPct * rated - 100 * satisfied) / (100 - targetPct)));
  // Guard against floating-point edges: the smallest k that really meets the target.
  while (k > 0 && (100 * (satisfied + k - 1)) / (rated + k - 1) >= targetPct) k--;
  while ((100 * (satisfied + k)) / (rated + k) < targetPct) k++;
  return k;
}

/** The fewest further solves without a reopen that bring `reopened` of `solved` to `targetPct` or less. */
export function cleanSolvesNeeded(reopened: number, solved: number, targetPct: number): number | null {
  if (solved > 0 && (100 * reopened) / solved <= targetPct) return 0;
  if (targetPct <= 0) return reopened === 0 ? 0 : null;
  // 100·o / (n + k) ≤ t  ⇔  k ≥ 100·o / t − n
  let k = Math.max(0, Math.ceil((100 * reopened) / targetPct - solved));
  while (k > 0 && (100 * reopened) / (solved + k - 1) <= targetPct) k--;
  while ((100 * reopened) / (solved + k) > targetPct) k++;
  return k;
}
