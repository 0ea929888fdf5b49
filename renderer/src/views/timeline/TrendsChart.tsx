import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeeklyTrendPoint } from '../../../../shared/domain/metrics-model';
import { formatMetric, METRIC_LABELS } from '../../format/metrics';
import { shortDate } from '../../format/time';
import type { TrendMetric } from './trend-metrics';

/**
 * The weekly trend of one metric. This module (and recharts with it) is loaded only when the timeline is
 * opened, so the popover starts light.
 */
export default function TrendsChart({ trends, metric }: { trends: WeeklyTrendPoint[]; metric: TrendMetric }) {
  const data = trends.map((point) => ({ week: point.weekStart, value: point[metric] }));
  return (
    <figure className="chart" aria-label={`${METRIC_LABELS[metric]} by week`}>
      <ResponsiveContainer width="100%" height={160}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
          <XAxis
            dataKey="week"
            tickFormatter={(w: string) => shortDate(w).replace(/^\w+ /, '')}
            fontSize={11}
          />
          <YAxis fontSize={11} width={44} />
          <Tooltip
            formatter={(v) => formatMetric(metric, typeof v === 'number' ? v : null)}
            labelFormatter={(w) => `Week of ${shortDate(String(w))}`}
          />
          <Line
            type="linear"
            dataKey="value"
            name={METRIC_LABELS[metric]}
            stroke="var(--accent)"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {data.map((d) => `${d.week}: ${formatMetric(metric, d.value)}`).join('; ')}
      </figcaption>
    </figure>
  );
}
