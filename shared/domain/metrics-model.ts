import { z } from 'zod';

export const MetricKey = z.enum([
  'solved',
  'frtAvgMinutes',
  'frtMedianMinutes',
  'resolutionAvgMinutes',
  'csatPct',
  'qaAvg',
  'reopenRate',
  'ahtSeconds',
]);
export type MetricKey = z.infer<typeof MetricKey>;

/** For each metric, whether a larger number is better. Used by missions, offers and personal bests. */
export const HIGHER_IS_BETTER: Record<MetricKey, boolean> = {
  solved: true,
  frtAvgMinutes: false,
  frtMedianMinutes: false,
  resolutionAvgMinutes: false,
  csatPct: true,
  qaAvg: true,
  reopenRate: false,
  ahtSeconds: false,
};

/** A metric value, or null with the reason when the sample is too small to mean anything. */
export const MetricValue = z.object({
  value: z.number().nullable(),
  sample: z.number().int().min(0),
  reason: z.literal('not_enough_data').optional(),
});
export type MetricValue = z.infer<typeof MetricValue>;

export const AgentMetrics = z.object({
  agentId: z.string(),
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  solved: MetricValue,
  frtAvgMinutes: MetricValue,
  frtMedianMinutes: MetricValue,
  resolutionAvgMinutes: MetricValue,
  csatPct: MetricValue,
  qaAvg: MetricValue,
  reopenRate: MetricValue,
  /** Number of reopen events counted against this agent's solves in the window. */
  reopened: MetricValue,
  ahtSeconds: MetricValue,
});
export type AgentMetrics = z.infer<typeof AgentMetrics>;

/** Minimum samples below which a metric is "not enough data". Teams may override. */
export const MinSamples = z.object({
  frt: z.number().int().min(1).default(5),
  resolution: z.number().int().min(1).default(5),
  csat: z.number().int().min(1).default(5),
  qa: z.number().int().min(1).default(2),
  reopen: z.number().int().min(1).default(5),
  aht: z.number().int().min(1).default(5),
});
export type MinSamples = z.infer<typeof MinSamples>;

/** One week of one agent's metrics, for trends on the timeline. */
export const WeeklyTrendPoint = z.object({
  weekStart: z.string(),
  solved: z.number().nullable(),
  frtAvgMinutes: z.number().nullable(),
  resolutionAvgMinutes: z.number().nullable(),
  csatPct: z.number().nullable(),
  qaAvg: z.number().nullable(),
  reopenRate: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
});
export type WeeklyTrendPoint = z.infer<typeof WeeklyTrendPoint>;
