import type { ReactNode } from 'react';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { MetricKey } from '../../../../shared/domain/metrics-model';
import { METRIC_LABELS } from '../../format/metrics';

/** "For": one of the team's members (plus any extra options, e.g. the whole team), as a labelled select. */
export function MemberSelect(props: {
  overview: TeamOverview;
  value: string;
  onChange: (personId: string) => void;
  children?: ReactNode;
}) {
  return (
    <label>
      For
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
        {props.overview.members.map((m) => (
          <option key={m.personId} value={m.personId}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A metric picker labelled in the person's words ("Average first reply", not "frtAvgMinutes"). */
export function MetricSelect(props: {
  label: string;
  value: MetricKey;
  onChange: (metric: MetricKey) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(MetricKey.parse(e.target.value))}>
        {MetricKey.options.map((m) => (
          <option key={m} value={m}>
            {METRIC_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}
