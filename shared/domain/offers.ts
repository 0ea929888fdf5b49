import { HIGHER_IS_BETTER, MinSamples, type AgentMetrics, type WeeklyTrendPoint } from './metrics-model';
import {
  MissionSpec,
  type Mission,
  type MissionOffer,
  type MissionStatus,
  type OfferKind,
} from './mission-model';
import type { IsoDate, IsoInstant } from './primitives';
import { formatMetric, metricLabel, shownValue } from './mission-text';
import { guardrailsFor, harder, placeTarget, rawTarget, room, stepTarget, titleFor } from './offer-targets';
import { defaultMinSample } from './mission-spec-rules';
import { OFFER_METRICS, type OfferMetric, type TeamCaps } from './team-caps';
import { weekWindowOf } from './time';

export { OFFER_METRICS, TeamCaps, teamTopQuartile, type OfferMetric } from './team-caps';

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
 * No two offers are the same: when the cap (or the metric's range) leaves no harder stretch, the steady one
 * moves a visible step easier; when not even that is possible there is no stretch offer. Every sentence says
 * how the target compares with the agent's own level, in the precision it is shown.
 */
export function generateOffers(input: GenerateOffersInput): MissionOffer[] {
  const baselines = new Map<OfferMetric, number>();
  for (const metric of OFFER_METRICS) {
    const b = baselineOf(metric, input);
    // A metric on which no target is possible under the team's cap (a top quartile below one ticket a week) gets no offer.
    if (b !== null && placeTarget(metric, b, capOf(input, metric)) !== null) baselines.set(metric, b);
  }
  const main = OFFER_METRICS.find((m) => baselines.has(m));
  if (main === undefined) return [];
  const adapt = adaptation(input.lastResults);
  const targetFor = (kind: OfferKind, metric: OfferMetric) =>
    placeTarget(metric, rawTarget(metric, baselines.get(metric)!, stepOf(kind, adapt)), capOf(input, metric));

  const picks: Array<[OfferKind, OfferMetric, number]> = [];
  let steady = targetFor('steady', main);
  let stretch = targetFor('stretch', main);
  if (
    steady !== null &&
    (stretch === null || !harder(main, stretch, steady) || same(main, stretch, steady))
  ) {
    const up = stepTarget(main, steady, 1, capOf(input, main));
    const down = up === null ? stepTarget(main, steady, -1, capOf(input, main)) : null;
    [steady, stretch] = up !== null ? [steady, up] : down !== null ? [down, steady] : [steady, null];
  }
  if (steady !== null) picks.push(['steady', main, steady]);
  if (stretch !== null) picks.push(['stretch', main, stretch]);
  const growth = growthMetric(baselines, input.teamCaps, main);
  const growthTarget = growth ? targetFor('growth', growth) : null;
  if (growth && growthTarget !== null) picks.push(['growth', growth, growthTarget]);
  return picks.map(([kind, metric, target]) =>
    offerFor(input, kind, metric, target, baselines.get(metric)!, adapt, baselines),
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

const stepOf = (kind: OfferKind, adapt: number) => Math.max(-0.3, Math.min(0.5, STEP[kind] + adapt * ADAPT));
const capOf = (input: GenerateOffersInput, metric: OfferMetric) => input.teamCaps[metric] ?? null;
const same = (metric: OfferMetric, a: number, b: number) => shownValue(metric, a) === shownValue(metric, b);

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
  target: number,
  baseline: number,
  adapt: number,
  baselines: Map<OfferMetric, number>,
): MissionOffer {
  const cap = capOf(input, metric);
  const comparator = HIGHER_IS_BETTER[metric] ? 'atLeast' : 'atMost';
  const min = MinSamples.parse(input.minSamples ?? {});
  const week = weekWindowOf(input.weekStart, input.timezone);
  const spec = MissionSpec.parse({
    title: titleFor(metric, comparator, target),
    metric,
    comparator,
    target,
    window: { start: week.from, end: week.to },
    minSample: defaultMinSample(metric, min),
    guardrails: guardrailsFor(metric, baselines),
    reward: { points: REWARD[kind] },
  });
  return {
    id: `${input.agentId}:${input.weekStart}:${kind}`,
    agentId: input.agentId,
    weekStart: input.weekStart,
    kind,
    spec,
    baseline,
    cap,
    sentence: offerSentence(metric, target, baseline, cap, adapt),
    status: 'open',
  };
}

/** How an offer relates to the agent's own level, compared in the precision both are shown in. */
export type OfferRelation = 'step_up' | 'in_line' | 'easier';

export function offerRelation(metric: OfferMetric, target: number, baseline: number): OfferRelation {
  const [t, b] = [shownValue(metric, target), shownValue(metric, baseline)];
  return t === b ? 'in_line' : harder(metric, t, b) ? 'step_up' : 'easier';
}

/** "Your last 4 weeks: Tickets solved 21 a week. This one is …" — never "a step up" for a target below the agent's level. */
export function offerSentence(
  metric: OfferMetric,
  target: number,
  baseline: number,
  cap: number | null,
  adapt: number,
): string {
  const shown = (v: number) =>
    metric === 'solved' ? `${shownValue(metric, v)} a week` : formatMetric(metric, v);
  const relation = offerRelation(metric, target, baseline);
  const atCap = cap !== null && !harder(metric, cap, baseline);
  const tone =
    relation === 'step_up'
      ? 'a step up from that'
      : relation === 'in_line'
        ? 'in line with that'
        : atCap
          ? `below that: offers never go past your team’s top quartile (${shown(cap)}), and you are already there`
          : adapt < 0
            ? 'a little easier than that, after two missed missions'
            : 'a little easier than that';
  return `Your last 4 weeks: ${metricLabel(metric)} ${shown(baseline)}. This one is ${tone}.`;
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
