import { z } from 'zod';
import {
  HIGHER_IS_BETTER,
  MinSamples,
  type AgentMetrics,
  type MetricKey,
  type WeeklyTrendPoint,
} from './metrics-model';
import {
  MissionSpec,
  type Guardrail,
  type Mission,
  type MissionOffer,
  type MissionStatus,
  type OfferKind,
} from './mission-model';
import type { IsoDate, IsoInstant } from './primitives';
import { percentile } from './stats';
import { formatMetric, metricLabel, targetPhrase } from './mission-text';
import { weekWindowOf } from './time';

/** Metrics offers are made on, in order of preference for the steady / stretch pair. */
export const OFFER_METRICS = [
  'solved',
  'csatPct',
  'frtAvgMinutes',
  'qaAvg',
  'reopenRate',
  'resolutionAvgMinutes',
  'ahtSeconds',
] as const;
export type OfferMetric = (typeof OFFER_METRICS)[number];

/** Per metric, the team's top-quartile boundary (per week for counts); a missing metric has no cap. */
export const TeamCaps = z.partialRecord(z.enum(OFFER_METRICS), z.number());
export type TeamCaps = z.infer<typeof TeamCaps>;

/**
 * The level the best quarter of the team reaches: the 75th percentile where higher is better, the 25th where
 * lower is better. Counts over several weeks are divided by `weeks` so caps are per week, like offers.
 */
export function teamTopQuartile(
  metricsOfTeam: readonly AgentMetrics[],
  opts: { weeks?: number } = {},
): TeamCaps {
  const weeks = opts.weeks ?? 1;
  const caps: TeamCaps = {};
  for (const metric of OFFER_METRICS) {
    const values = metricsOfTeam.flatMap((m) =>
      m[metric].value === null ? [] : [m[metric].value! / (metric === 'solved' ? weeks : 1)],
    );
    const q = percentile(values, HIGHER_IS_BETTER[metric] ? 0.75 : 0.25);
    if (q !== null) caps[metric] = q;
  }
  return caps;
}

export interface GenerateOffersInput {
  agentId: string;
  timezone: string;
  /** The local Monday of the week the offers are for. */
  weekStart: IsoDate;
  /** The agent's last 4 weekly trend points. */
  history: readonly WeeklyTrendPoint[];
  /** The agent's metrics aggregated over the same 4 weeks (see weeksWindow). */
  recent: AgentMetrics;
  teamCaps: TeamCaps;
  /** The agent's most recent settled mission outcomes, oldest first. */
  lastResults: readonly MissionStatus[];
  minSamples?: Partial<MinSamples>;
}

/** How far an offer moves from the agent's own level, as a share of the room left (or of the level for counts). */
const STEP: Record<OfferKind, number> = { steady: 0, stretch: 0.2, growth: 0.15 };
const ADAPT = 0.1;
const REWARD: Record<OfferKind, number> = { steady: 50, stretch: 100, growth: 75 };

/**
 * Three offers a week: steady and stretch on the agent's main metric, growth on the metric with the most room
 * to grow. Each is computed from the agent's own last weeks, never harder than the team's top quartile,
 * nudged up after two completed missions and down after two missed ones. No offer on a metric without data.
 */
export function generateOffers(input: GenerateOffersInput): MissionOffer[] {
  const baselines = new Map<OfferMetric, number>();
  for (const metric of OFFER_METRICS) {
    const b = baselineOf(metric, input);
    // A team cap below one ticket a week would make a count offer of zero tickets: no offer then.
    const degenerate = metric === 'solved' && (input.teamCaps.solved ?? 1) < 1;
    if (b !== null && !degenerate) baselines.set(metric, b);
  }
  const main = OFFER_METRICS.find((m) => baselines.has(m));
  if (main === undefined) return [];
  const growth = growthMetric(baselines, input.teamCaps, main);
  const adapt = adaptation(input.lastResults);
  const picks: Array<[OfferKind, OfferMetric]> = [
    ['steady', main],
    ['stretch', main],
  ];
  if (growth) picks.push(['growth', growth]);
  return picks.map(([kind, metric]) =>
    offerFor(input, kind, metric, baselines.get(metric)!, adapt, baselines),
  );
}

/** +1 after two completed missions in a row, −1 after two missed, else 0. */
export function adaptation(lastResults: readonly MissionStatus[]): number {
  const last2 = lastResults.filter((r) => r === 'completed' || r === 'missed').slice(-2);
  if (last2.length < 2) return 0;
  if (last2.every((r) => r === 'completed')) return 1;
  if (last2.every((r) => r === 'missed')) return -1;
  return 0;
}

function baselineOf(metric: OfferMetric, input: GenerateOffersInput): number | null {
  if (metric === 'solved') {
    // Only the last 4 weeks the caller gave, whatever order they came in.
    const last4 = [...input.history].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1)).slice(-4);
    const weeks = last4.filter((w) => w.solved !== null);
    const perWeek = weeks.length ? weeks.reduce((s, w) => s + (w.solved ?? 0), 0) / weeks.length : null;
    return perWeek !== null && perWeek >= 1 ? perWeek : null;
  }
  // The 4-week aggregate already respects minimum samples: null means too little data for an offer.
  return input.recent[metric].value;
}

/** Room to grow, relative: how far the agent is from the team's top quartile (or the ideal when no cap). */
function room(metric: OfferMetric, baseline: number, caps: TeamCaps): number {
  const ref =
    caps[metric] ?? (metric === 'csatPct' || metric === 'qaAvg' ? 100 : HIGHER_IS_BETTER[metric] ? null : 0);
  if (ref === null || ref === undefined) return 0;
  if (HIGHER_IS_BETTER[metric]) return ref > 0 ? (ref - baseline) / ref : 0;
  return baseline > 0 ? (baseline - ref) / baseline : 0;
}

function growthMetric(
  baselines: Map<OfferMetric, number>,
  caps: TeamCaps,
  main: OfferMetric,
): OfferMetric | undefined {
  let best: OfferMetric | undefined;
  let bestRoom = 0;
  for (const [metric, b] of baselines) {
    if (metric === main) continue;
    const r = room(metric, b, caps);
    if (r > bestRoom) [best, bestRoom] = [metric, r];
  }
  return best ?? OFFER_METRICS.find((m) => m !== main && baselines.has(m));
}

function offerFor(
  input: GenerateOffersInput,
  kind: OfferKind,
  metric: OfferMetric,
  baseline: number,
  adapt: number,
  baselines: Map<OfferMetric, number>,
): MissionOffer {
  const step = Math.max(-0.3, Math.min(0.5, STEP[kind] + adapt * ADAPT));
  const cap = input.teamCaps[metric] ?? null;
  const target = capTarget(metric, rawTarget(metric, baseline, step), cap);
  const comparator = HIGHER_IS_BETTER[metric] ? 'atLeast' : 'atMost';
  const min = MinSamples.parse(input.minSamples ?? {});
  const week = weekWindowOf(input.weekStart, input.timezone);
  const spec = MissionSpec.parse({
    title: titleFor(metric, comparator, target),
    metric,
    comparator,
    target,
    window: { start: week.from, end: week.to },
    minSample: minSampleFor(metric, min),
    guardrails: guardrailsFor(metric, baselines),
    reward: { points: REWARD[kind] },
  });
  const level = metric === 'solved' ? `${Math.round(baseline)} a week` : formatMetric(metric, baseline);
  const tone = step > 0.001 ? 'a step up from' : step < -0.001 ? 'a little easier than' : 'in line with';
  return {
    id: `${input.agentId}:${input.weekStart}:${kind}`,
    agentId: input.agentId,
    weekStart: input.weekStart,
    kind,
    spec,
    baseline,
    cap,
    sentence: `Your last 4 weeks: ${metricLabel(metric)} ${level}. This one is ${tone} that.`,
    status: 'open',
  };
}

/** Moves from the baseline towards the ideal: counts grow by a share of the level, bounded metrics close a share of the gap. */
function rawTarget(metric: OfferMetric, b: number, step: number): number {
  if (metric === 'solved') return b * (1 + step);
  if (metric === 'csatPct' || metric === 'qaAvg') return Math.min(100, b + (100 - b) * step);
  return Math.max(0, b * (1 - step));
}

/** Rounds to the metric's grain, then clamps to the cap (rounding away from the cap's "harder" side). */
function capTarget(metric: OfferMetric, t: number, cap: number | null): number {
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
  if (metric === 'solved') target = Math.max(1, target);
  return target;
}

function minSampleFor(metric: OfferMetric, min: MinSamples): number {
  const map: Record<OfferMetric, number> = {
    solved: 1,
    csatPct: min.csat,
    frtAvgMinutes: min.frt,
    qaAvg: min.qa,
    reopenRate: min.reopen,
    resolutionAvgMinutes: min.resolution,
    ahtSeconds: min.aht,
  };
  return map[metric];
}

/** Speed and volume only count while quality holds: CSAT no more than 5 points below usual, reopens no more than 5 above. */
function guardrailsFor(metric: OfferMetric, baselines: Map<OfferMetric, number>): Guardrail[] {
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

function titleFor(metric: MetricKey, comparator: 'atLeast' | 'atMost', target: number): string {
  if (metric === 'solved') return `Solve ${target} tickets this week`;
  return `${metricLabel(metric)} at ${targetPhrase(metric, comparator, target)} this week`;
}

/** The mission an accepted offer becomes. */
export function acceptOffer(
  offer: MissionOffer,
  now: IsoInstant,
  missionId: string,
  teamId: string | null = null,
): Mission {
  return {
    ...offer.spec,
    id: missionId,
    scope: 'agent',
    agentId: offer.agentId,
    teamId,
    origin: 'offer',
    kind: offer.kind,
    status: 'active',
    createdAt: now,
    settledAt: null,
  };
}
