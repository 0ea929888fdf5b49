import type { ReactNode } from 'react';
import { MetricKey } from '../../../../shared/domain/metrics-model';
import { METRIC_LABELS } from '../../format/metrics';

/** Who a form can name: a team member by id, shown by name. */
export interface MemberChoice {
  personId: string;
  name: string;
}

/** "For": one of the team's members (plus any extra options, e.g. the whole team), as a labelled select. */
export function MemberSelect(props: {
  members: readonly MemberChoice[];
  value: string;
  onChange: (personId: string) => void;
  children?: ReactNode;
}) {
  return (
    <label>
      For
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
        {props.members.map((m) => (
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
