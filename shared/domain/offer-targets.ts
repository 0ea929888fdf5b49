import { HIGHER_IS_BETTER, type MetricKey } from './metrics-model';
import type { Guardrail } from './mission-model';
import { metricLabel, shownValue, targetPhrase } from './mission-text';
import { targetProblem } from './mission-spec-rules';
import type { OfferMetric, TeamCaps } from './team-caps';

/** How offer targets are derived from a baseline: the arithmetic behind generateOffers, kept apart from the choice of offers. */

/** Room to grow, relative: how far the agent is from the team's top quartile (or the ideal when no cap). */
export function room(metric: OfferMetric, baseline: number, caps: TeamCaps): number {
  const ref =
    caps[metric] ?? (metric === 'csatPct' || metric === 'qaAvg' ? 100 : HIGHER_IS_BETTER[metric] ? null : 0);
  if (ref === null || ref === undefined) return 0;
  if (HIGHER_IS_BETTER[metric]) return ref > 0 ? (ref - baseline) / ref : 0;
  return baseline > 0 ? (baseline - ref) / baseline : 0;
}

/** Moves from the baseline towards the ideal: counts grow by a share of the level, bounded metrics close a share of the gap. */
export function rawTarget(metric: OfferMetric, b: number, step: number): number {
  if (metric === 'solved') return b * (1 + step);
  // An easier offer (a negative step) moves away from the ideal, but never outside 0–100 for percentages and scores.
  if (metric === 'csatPct' || metric === 'qaAvg') return Math.min(100, Math.max(0, b + (100 - b) * step));
  const t = Math.max(0, b * (1 - step));
  return metric === 'reopenRate' ? Math.min(100, t) : t;
}

/** `a` asks more of the agent than `b` (higher where higher is better, lower where lower is). */
export function harder(metric: OfferMetric, a: number, b: number): boolean {
  return HIGHER_IS_BETTER[metric] ? a > b : a < b;
}

/**
 * The step between two targets a reader can tell apart, at this size: whole tickets and seconds, whole
 * minutes (6 from 2 h up, where times show as tenths of an hour), half points of CSAT, QA and reopen rate.
 */
export function offerGrain(metric: OfferMetric, value: number): number {
  switch (metric) {
    case 'solved':
    case 'ahtSeconds':
      return 1;
    case 'frtAvgMinutes':
    case 'resolutionAvgMinutes':
      return value >= 120 ? 6 : 1;
    case 'csatPct':
    case 'qaAvg':
    case 'reopenRate':
      return 0.5;
  }
}

/**
 * A target on the grain, never harder than the team's cap and inside what a mission may ask for
 * (missionSpecProblems: a count ≥ 1, a time > 0, a percentage or score 0–100); null when no such target exists
 * (e.g. a team whose top quartile solves less than one ticket a week).
 */
export function placeTarget(metric: OfferMetric, t: number, cap: number | null): number | null {
  const onGrain = (v: number, round: (x: number) => number) => {
    const g = offerGrain(metric, v);
    return round(v / g) * g;
  };
  let target = onGrain(t, Math.round);
  if (cap !== null && harder(metric, target, cap))
    target = onGrain(cap, HIGHER_IS_BETTER[metric] ? Math.floor : Math.ceil);
  if (metric === 'solved' || isTimeMetric(metric)) target = Math.max(1, target);
  if (cap !== null && harder(metric, target, cap)) return null;
  return targetProblem(metric, target) === null ? target : null;
}

/** The next target one grain harder (+1) or easier (−1) than `t`, placed like any target; null when there is none. */
export function stepTarget(metric: OfferMetric, t: number, dir: 1 | -1, cap: number | null): number | null {
  const towardsHarder = dir === 1 ? 1 : -1;
  const sign = HIGHER_IS_BETTER[metric] ? towardsHarder : -towardsHarder;
  // The grain on the side we move to: from 120 min an easier step is 6 min, a harder one 1 min (119).
  const g = Math.min(offerGrain(metric, t), offerGrain(metric, t + sign));
  const next = placeTarget(metric, t + sign * g, cap);
  if (next === null || shownValue(metric, next) === shownValue(metric, t)) return null;
  return dir === 1 ? (harder(metric, next, t) ? next : null) : harder(metric, t, next) ? next : null;
}

/** Speed and volume only count while quality holds: CSAT no more than 5 points below usual, reopens no more than 5 above. */
export function guardrailsFor(metric: OfferMetric, baselines: Map<OfferMetric, number>): Guardrail[] {
  if (metric === 'csatPct' || metric === 'qaAvg') return [];
  const out: Guardrail[] = [];
  const csat = baselines.get('csatPct');
  const reopen = baselines.get('reopenRate');
  if (csat !== undefined)
    out.push({ metric: 'csatPct', comparator: 'atLeast', threshold: Math.max(0, Math.floor(csat - 5)) });
  if (reopen !== undefined && metric !== 'reopenRate')
    out.push({ metric: 'reopenRate', comparator: 'atMost', threshold: Math.min(100, Math.ceil(reopen + 5)) });
  return out;
}

export function titleFor(metric: MetricKey, comparator: 'atLeast' | 'atMost', target: number): string {
  if (metric === 'solved') return `Solve ${target} tickets this week`;
  return `${metricLabel(metric)} at ${targetPhrase(metric, comparator, target)} this week`;
}

function isTimeMetric(metric: OfferMetric): boolean {
  return metric === 'frtAvgMinutes' || metric === 'resolutionAvgMinutes' || metric === 'ahtSeconds';
}
