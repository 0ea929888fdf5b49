import { z } from 'zod';
import { HIGHER_IS_BETTER, type AgentMetrics } from './metrics-model';
import { percentile } from './stats';

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
