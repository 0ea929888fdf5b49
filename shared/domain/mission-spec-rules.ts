import { MinSamples, type MetricKey } from './metrics-model';
import type { Comparator, Guardrail } from './mission-model';
import type { IsoInstant } from './primitives';
import { metricLabel } from './mission-text';

/**
 * What a mission may ask for, per metric. Every refusal is a sentence a supervisor understands, so the API's
 * 400 and the team form say the same thing (both call missionSpecProblems).
 */
export const MISSION_LIMITS = {
  /** A mission lasts at least an hour: anything shorter cannot be worked towards. */
  minWindowMs: 3_600_000,
  /** …and at most 92 days (a quarter): longer goals belong in coaching, not in a mission. */
  maxWindowDays: 92,
  /** Minimum samples are whole numbers 1 … 1000 (a team of 20 handles about that in a week). */
  maxMinSample: 1_000,
  /** Time targets: above 0 and at most 30 days (reply and resolution, in minutes) or a day (handle time, in seconds). */
  maxMinutes: 43_200,
  maxSeconds: 86_400,
} as const;

const DAY_MS = 86_400_000;

/** The fields of a mission spec the rules look at (also what the team form has before it sends). */
export interface MissionSpecDraft {
  title: string;
  metric: MetricKey;
  comparator: Comparator;
  target: number;
  window: { start: IsoInstant; end: IsoInstant };
  minSample: number;
  guardrails: readonly Guardrail[];
}

export interface MissionSpecProblem {
  /** Where the problem is, as in a zod issue path (e.g. ['guardrails', 0, 'threshold']). */
  path: Array<string | number>;
  message: string;
}

/** The minimum sample a mission on this metric gets unless someone chooses another: the metric's own (MinSamples). */
export function defaultMinSample(metric: MetricKey, min: MinSamples = MinSamples.parse({})): number {
  switch (metric) {
    case 'solved':
      return 1; // a count's sample is the count itself
    case 'frtAvgMinutes':
    case 'frtMedianMinutes':
      return min.frt;
    case 'resolutionAvgMinutes':
      return min.resolution;
    case 'csatPct':
      return min.csat;
    case 'qaAvg':
      return min.qa;
    case 'reopenRate':
      return min.reopen;
    case 'ahtSeconds':
      return min.aht;
  }
}

type MetricKind = 'count' | 'percent' | 'score' | 'minutes' | 'seconds';
const KIND: Record<MetricKey, MetricKind> = {
  solved: 'count',
  csatPct: 'percent',
  reopenRate: 'percent',
  qaAvg: 'score',
  frtAvgMinutes: 'minutes',
  frtMedianMinutes: 'minutes',
  resolutionAvgMinutes: 'minutes',
  ahtSeconds: 'seconds',
};

/**
 * Why a value cannot be a target (or a guardrail threshold) for this metric, or null when it can: counts are
 * whole numbers ≥ 1, percentages and QA scores 0–100, times above 0 and below a sane maximum.
 */
export function targetProblem(metric: MetricKey, value: number, what = 'target'): string | null {
  const label = `${metricNoun(metric)} ${what}`;
  const got = Number.isFinite(value) ? ` (got ${value})` : '';
  if (!Number.isFinite(value)) return `The ${label} must be a number.`;
  switch (KIND[metric]) {
    case 'count':
      return Number.isInteger(value) && value >= 1
        ? null
        : `The ${label} is a whole number of tickets, 1 or more${got}.`;
    case 'percent':
      return value >= 0 && value <= 100 ? null : `The ${label} is a percentage from 0 to 100${got}.`;
    case 'score':
      return value >= 0 && value <= 100 ? null : `The ${label} is a score from 0 to 100${got}.`;
    case 'minutes':
      return value > 0 && value <= MISSION_LIMITS.maxMinutes
        ? null
        : `The ${label} is a number of minutes above 0 and at most ${MISSION_LIMITS.maxMinutes} (30 days)${got}.`;
    case 'seconds':
      return value > 0 && value <= MISSION_LIMITS.maxSeconds
        ? null
        : `The ${label} is a number of seconds above 0 and at most ${MISSION_LIMITS.maxSeconds} (a day)${got}.`;
  }
}

/**
 * Every reason this mission cannot be assigned, in the order of the form (empty when it can). With `now`, a
 * window that has already ended is refused too (a schema cannot know the time; the server and the form do).
 */
export function missionSpecProblems(
  spec: MissionSpecDraft,
  opts: { now?: IsoInstant } = {},
): MissionSpecProblem[] {
  const out: MissionSpecProblem[] = [];
  const add = (path: MissionSpecProblem['path'], message: string | null) => {
    if (message) out.push({ path, message });
  };
  add(['title'], spec.title.trim() === '' ? 'Give the mission a title.' : null);
  add(['target'], targetProblem(spec.metric, spec.target));
  add(['window'], windowProblem(spec.window, opts.now));
  add(['minSample'], minSampleProblem(spec));
  spec.guardrails.forEach((g, i) =>
    add(['guardrails', i, 'threshold'], targetProblem(g.metric, g.threshold, 'guardrail')),
  );
  return out;
}

/** "tickets solved", "average first reply", "CSAT": a label as it reads inside a sentence. */
function metricNoun(metric: MetricKey): string {
  const label = metricLabel(metric);
  return /^[A-Z]{2,}\b/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function windowProblem(window: MissionSpecDraft['window'], now: IsoInstant | undefined): string | null {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return 'The mission needs a start and an end date.';
  if (end <= start) return 'The mission must end after it starts.';
  if (end - start < MISSION_LIMITS.minWindowMs) return 'A mission runs for at least an hour.';
  const days = (end - start) / DAY_MS;
  if (days > MISSION_LIMITS.maxWindowDays)
    return `A mission runs for at most ${MISSION_LIMITS.maxWindowDays} days (about a quarter); this one would run ${Math.ceil(days)} days.`;
  if (now !== undefined && end <= Date.parse(now)) return 'The mission’s end date has already passed.';
  return null;
}

function minSampleProblem(spec: MissionSpecDraft): string | null {
  const n = spec.minSample;
  if (!Number.isInteger(n) || n < 1 || n > MISSION_LIMITS.maxMinSample)
    return `The minimum sample is a whole number from 1 to ${MISSION_LIMITS.maxMinSample}${Number.isFinite(n) ? ` (got ${n})` : ''}.`;
  // A count's sample is the count itself: a minimum above the target would quietly become the real target.
  if (KIND[spec.metric] === 'count' && targetProblem(spec.metric, spec.target) === null && n > spec.target)
    return `A ${metricNoun(spec.metric)} mission cannot need a minimum sample (${n}) larger than its target (${spec.target}).`;
  return null;
}
