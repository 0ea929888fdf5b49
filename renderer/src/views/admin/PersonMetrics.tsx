import { useCallback } from 'react';
import type { MetricKey } from '../../../../shared/domain/metrics-model';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { formatMetric, METRIC_LABELS } from '../../format/metrics';
import { LoadError } from './LoadError';
import { useAdminRead } from './use-admin-read';

/** The window the console shows: the last 30 days up to now. */
export const METRICS_DAYS = 30;
const SHOWN: MetricKey[] = [
  'solved',
  'frtAvgMinutes',
  'resolutionAvgMinutes',
  'csatPct',
  'reopenRate',
  'qaAvg',
];

/**
 * A person's metrics over the last 30 days, from the same route the companion and scripts use; a metric below
 * its minimum sample says "not enough data" with how many there were, never a number.
 */
export function PersonMetrics({ personId, name }: { personId: string; name: string }) {
  const read = useCallback(
    (api: SidekickApi) => {
      const to = new Date();
      const from = new Date(to.getTime() - METRICS_DAYS * 86_400_000);
      return api.adminPersonMetrics({
        id: personId,
        window: { from: from.toISOString(), to: to.toISOString() },
      });
    },
    [personId],
  );
  const { value, error, reload } = useAdminRead(read);
  if (error) return <LoadError what={`${name}’s metrics`} error={error} retry={() => void reload()} />;
  if (!value) return <p aria-busy="true">Loading metrics…</p>;
  return (
    <dl className="facts admin-facts" aria-label={`Metrics of ${name}, last ${METRICS_DAYS} days`}>
      {SHOWN.map((key) => {
        const m = value[key];
        return [
          <dt key={`${key}-t`}>{METRIC_LABELS[key]}</dt>,
          <dd key={`${key}-d`}>
            {formatMetric(key, m.value)}
            {m.value === null && m.sample > 0 ? ` (${m.sample} so far)` : ''}
          </dd>,
        ];
      })}
    </dl>
  );
}
