import type { AgentMetrics, MetricKey } from './metrics-model';
import type {
  Comparator,
  Guardrail,
  GuardrailStatus,
  Mission,
  MissionProgress,
  MissionStatus,
  ProgressState,
} from './mission-model';
import type { IsoInstant } from './primitives';
import { formatMetric, metricLabel, targetPhrase, timeLeftPhrase } from './mission-text';
import { msOf } from './time';

/** Count missions complete the moment the target is reached; every other metric is settled when the window closes. */
export function isCountMetric(key: MetricKey): boolean {
  return key === 'solved';
}

export function meets(value: number, comparator: Comparator, target: number): boolean {
  return comparator === 'atLeast' ? value >= target : value <= target;
}

/** How close a value is to a target, in [0, 1], monotonic in the value in the "better" direction. */
export function closeness(value: number | null, comparator: Comparator, target: number): number {
  if (value === null) return 0;
  if (meets(value, comparator, target)) return 1;
  // Not met: for atLeast value < target (so target > 0 unless value is negative); for atMost value > target.
  const r = comparator === 'atLeast' ? (target > 0 ? value / target : 0) : value > 0 ? target / value : 0;
  return Math.min(1, Math.max(0, r));
}

export function guardrailStatus(g: Guardrail, metrics: AgentMetrics): GuardrailStatus {
  const v = metrics[g.metric].value;
  const holds = v === null ? null : meets(v, g.comparator, g.threshold);
  const label = metricLabel(g.metric);
  const needs = targetPhrase(g.metric, g.comparator, g.threshold);
  const sentence =
    v === null
      ? `${label}: not enough data yet (needs ${needs})`
      : `${label} ${formatMetric(g.metric, v)} — ${holds ? 'holding' : 'needs'} ${needs}`;
  return { guardrail: g, value: v, holds, sentence };
}

/**
 * Where a mission stands at `now`. A guardrail without enough data to judge (holds = null) does not block:
 * the agent cannot make customers rate, and a broken guardrail is always visible once it can be judged.
 */
export function evaluateMission(mission: Mission, metrics: AgentMetrics, now: IsoInstant): MissionProgress {
  const mv = metrics[mission.metric];
  const value = mv.value;
  const sample = mv.sample;
  const msLeft = Math.max(0, msOf(mission.window.end) - msOf(now));
  const guardrails = mission.guardrails.map((g) => guardrailStatus(g, metrics));
  const guardsOk = guardrails.every((g) => g.holds !== false);
  const enough = value !== null && sample >= mission.minSample;
  const met = enough && meets(value, mission.comparator, mission.target);
  const count = isCountMetric(mission.metric);
  // Counts only grow, so only an "at least" count can be reached early; an "at most" count waits for the close.
  const early = count && mission.comparator === 'atLeast';

  let ratio = closeness(value, mission.comparator, mission.target);
  if (!count && sample < mission.minSample) ratio *= sample / mission.minSample;

  let state: ProgressState;
  if (mission.status !== 'active') state = mission.status;
  else if (met && guardsOk && (early || msLeft === 0)) state = 'completed';
  else if (msLeft === 0) state = 'missed';
  else if (!guardsOk)
    state = 'at_risk'; // a guardrail is judged only on its own minimum sample: evidence
  else if (early) state = COUNT_STATE[countPace(mission, value ?? 0, now)];
  else if (!enough) state = 'active';
  else state = met ? 'on_track' : 'at_risk';
  if (state === 'completed') ratio = 1;

  return {
    value,
    sample,
    ratio,
    state,
    guardrails,
    sentence: sentenceFor(mission, value, sample, state, guardrails, msLeft),
    msLeft,
  };
}

/** The mission's status after `now`: settled when the window has closed, or early for a reached count. */
export function settleMission(
  mission: Mission,
  metrics: AgentMetrics,
  now: IsoInstant,
): { status: MissionStatus; settledAt: IsoInstant | null; progress: MissionProgress } {
  const progress = evaluateMission(mission, metrics, now);
  if (mission.status !== 'active') return { status: mission.status, settledAt: mission.settledAt, progress };
  if (progress.state === 'completed') return { status: 'completed', settledAt: now, progress };
  if (progress.state === 'missed') return { status: 'missed', settledAt: now, progress };
  return { status: 'active', settledAt: null, progress };
}

/**
 * "At risk" needs evidence. A count mission falls behind when it is at least one whole ticket short of the
 * even pace over its window, and that is called a risk only once a quarter of the time it has had since it
 * was assigned (or its window opened, if later) has passed: a mission assigned seconds ago, or accepted
 * mid-week, is never "at risk" for work nobody could have done yet.
 */
export const RISK_EVIDENCE_SHARE = 0.25;

type CountPace = 'on_pace' | 'behind' | 'too_early';
const COUNT_STATE: Record<CountPace, ProgressState> = {
  on_pace: 'on_track',
  behind: 'at_risk',
  too_early: 'active',
};

function countPace(mission: Mission, value: number, now: IsoInstant): CountPace {
  const start = msOf(mission.window.start);
  const end = msOf(mission.window.end);
  const t = msOf(now);
  const share = (from: number) => (end > from ? Math.min(1, Math.max(0, (t - from) / (end - from))) : 1);
  const expected = mission.target * share(start);
  if (mission.target - value <= 0 || expected - value < 1) return 'on_pace';
  const since = Math.max(start, msOf(mission.createdAt));
  return share(since) >= RISK_EVIDENCE_SHARE ? 'behind' : 'too_early';
}

function sentenceFor(
  mission: Mission,
  value: number | null,
  sample: number,
  state: ProgressState,
  guardrails: GuardrailStatus[],
  msLeft: number,
): string {
  const target = targetPhrase(mission.metric, mission.comparator, mission.target);
  const broken = guardrails.find((g) => g.holds === false);
  const tail =
    state === 'completed'
      ? ' — completed!'
      : state === 'missed'
        ? ' — the window has closed'
        : state === 'cancelled'
          ? ' — cancelled'
          : `, ${timeLeftPhrase(msLeft)}`;
  const guard = broken && state !== 'completed' ? `; ${broken.sentence}` : '';
  if (isCountMetric(mission.metric) && mission.comparator === 'atLeast') {
    return `${value ?? 0} of ${Math.round(mission.target)} solved${guard}${tail}`;
  }
  const label = metricLabel(mission.metric);
  if (value === null || sample < mission.minSample) {
    return `${label}: not enough data yet (${sample} of ${mission.minSample} needed) — target ${target}${guard}${tail}`;
  }
  return `${label} ${formatMetric(mission.metric, value)} — target ${target}${guard}${tail}`;
}
