import { HIGHER_IS_BETTER, type MetricKey } from './metrics-model';
import type { Guardrail } from './mission-model';
import { metricLabel, targetPhrase } from './mission-text';
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

/** Rounds to the metric's grain, then clamps to the cap (rounding away from the cap's "harder" side). */
export function capTarget(metric: OfferMetric, t: number, cap: number | null): number {
  const grain =
    metric === 'solved' ||
    metric === 'frtAvgMinutes' ||
    metric === 'resolutionAvgMinutes' ||
    metric === 'ahtSeconds'
      ? 1
      : 0.5;
  const higher = HIGHER_IS_BETTER[metric];
  let target = Math.round(t / grain) * grain;
  if (cap !== null && (higher ? target > cap : target < cap))
    target = higher ? Math.floor(cap / grain) * grain : Math.ceil(cap / grain) * grain;
  // A count is at least one ticket and a time is above zero (missionSpecProblems): never a target of 0.
  if (metric === 'solved' || isTimeMetric(metric)) target = Math.max(grain, target);
  return target;
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
