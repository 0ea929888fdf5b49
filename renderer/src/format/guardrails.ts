import type { Comparator, GuardrailStatus } from '../../../shared/domain/mission-model';
import type { MetricKey } from '../../../shared/domain/metrics-model';
import { formatMetric, METRIC_LABELS } from './metrics';

/** What one more of a good thing is, for the sentence under a guardrail that is not holding yet. */
const HELPS: Record<MetricKey, string> = {
  solved: 'Each solved ticket counts.',
  csatPct: 'Each satisfied rating lifts it.',
  qaAvg: 'Each strong review lifts it.',
  reopenRate: 'Each ticket that stays solved brings it down.',
  frtAvgMinutes: 'Each quick first reply brings it down.',
  frtMedianMinutes: 'Each quick first reply brings it down.',
  resolutionAvgMinutes: 'Each quick resolution brings it down.',
  ahtSeconds: 'Each shorter call brings it down.',
};

const aim = (metric: MetricKey, comparator: Comparator, threshold: number) =>
  `${formatMetric(metric, threshold)} or ${comparator === 'atLeast' ? 'more' : 'less'}`;

export type GuardrailLine = { tone: 'holds' | 'watch' | 'waiting'; text: string };

/**
 * A guardrail in words that inform without alarm: holding, not holding yet (with the aim and what helps),
 * or waiting for enough data. Never red, never "needs".
 */
export function guardrailLine(status: GuardrailStatus): GuardrailLine {
  const { metric, comparator, threshold } = status.guardrail;
  const label = METRIC_LABELS[metric];
  const target = aim(metric, comparator, threshold);
  if (status.holds === null || status.value === null)
    return { tone: 'waiting', text: `${label}: waiting for enough data (aim: ${target}).` };
  const now = formatMetric(metric, status.value);
  if (status.holds) return { tone: 'holds', text: `${label} ${now} — holding at ${target}.` };
  return { tone: 'watch', text: `${label} is ${now} for now; the aim is ${target}. ${HELPS[metric]}` };
}

/**
 * The engine's mission sentence without the guardrail it appends when one is not holding ("…; CSAT 57% —
 * needs 87% or more, 4 days left"): the card words each guardrail itself, once, calmly.
 */
export function missionSentence(sentence: string, guardrails: readonly GuardrailStatus[]): string {
  return guardrails.reduce(
    (text, g) => (g.holds === false ? text.replace(`; ${g.sentence}`, '') : text),
    sentence,
  );
}
