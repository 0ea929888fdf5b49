import { lazy, Suspense, useState } from 'react';
import type { WeeklyTrendPoint } from '../../../../shared/domain/metrics-model';
import { EmptyState } from '../../components/EmptyState';
import { METRIC_LABELS } from '../../format/metrics';
import { metricsWithData, weeksWithData, type TrendMetric } from './trend-metrics';

const TrendsChart = lazy(() => import('./TrendsChart'));

/** Pick a metric, see its weekly trend. */
export function Trends({ trends }: { trends: WeeklyTrendPoint[] }) {
  const available = metricsWithData(trends);
  const [chosen, setChosen] = useState<TrendMetric | null>(null);
  const metric = chosen && available.includes(chosen) ? chosen : available[0];
  const weeks = metric ? weeksWithData(trends, metric) : [];
  if (!metric || weeks.length < 2) {
    return (
      <EmptyState title="Trends need two weeks of data">
        Once you have worked two weeks with Sidekick connected, each metric’s weekly trend appears here.
      </EmptyState>
    );
  }
  return (
    <div>
      <label className="inline">
        Metric{' '}
        <select value={metric} onChange={(e) => setChosen(e.target.value as TrendMetric)}>
          {available.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <Suspense fallback={<p className="muted chart-placeholder">Loading chart…</p>}>
        <TrendsChart trends={weeks} metric={metric} />
      </Suspense>
    </div>
  );
}
