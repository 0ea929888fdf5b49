import type { z } from 'zod';
import { useCallback, useState, type FormEvent } from 'react';
import { AssignMissionBody } from '../../../../shared/api/actions';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { type MetricKey } from '../../../../shared/domain/metrics-model';
import { HIGHER_IS_BETTER } from '../../../../shared/domain/metrics-model';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { MemberSelect, MetricSelect } from './TeamFormFields';

const endOfWeek = () => {
  const d = new Date();
  d.setDate(d.getDate() + ((7 - d.getDay()) % 7 || 7) - 2);
  return d.toISOString().slice(0, 10);
};

/** Assign a mission to one agent or the whole team. */
export function AssignMissionForm({ overview, onDone }: { overview: TeamOverview; onDone: () => void }) {
  const api = useApi();
  const [who, setWho] = useState('team');
  const [title, setTitle] = useState('');
  const [metric, setMetric] = useState<MetricKey>('solved');
  const [target, setTarget] = useState('40');
  const [ends, setEnds] = useState(endOfWeek);
  const [invalid, setInvalid] = useState<string | null>(null);
  const assign = useCallback((body: z.output<typeof AssignMissionBody>) => api.assignMission(body), [api]);
  const { status, start } = useAction(assign, (r) =>
    r.missionIds.length === 1 ? 'Mission assigned.' : `Mission assigned to ${r.missionIds.length} people.`,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = new Date();
    const parsed = AssignMissionBody.safeParse({
      agentIds: who === 'team' ? [] : [who],
      teamId: who === 'team' ? overview.teamId : null,
      spec: {
        title: title.trim(),
        metric,
        comparator: HIGHER_IS_BETTER[metric] ? 'atLeast' : 'atMost',
        target: Number(target),
        window: { start: now.toISOString(), end: new Date(`${ends}T23:59:00`).toISOString() },
      },
    });
    if (
      !parsed.success ||
      !Number.isFinite(Number(target)) ||
      Date.parse(`${ends}T23:59:00`) <= now.getTime()
    ) {
      setInvalid('Give the mission a title, a numeric target and an end date in the future.');
      return;
    }
    setInvalid(null);
    if (await start(parsed.data)) {
      setTitle('');
      onDone();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Assign a mission">
      <MemberSelect overview={overview} value={who} onChange={setWho}>
        <option value="team">The whole team</option>
      </MemberSelect>
      <label>
        Title
        <input
          type="text"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Clear the refund backlog"
          maxLength={200}
        />
      </label>
      <div className="row">
        <MetricSelect label="Metric" value={metric} onChange={setMetric} />
        <label>
          {HIGHER_IS_BETTER[metric] ? 'At least' : 'At most'}
          <input
            type="number"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className="narrow"
          />
        </label>
      </div>
      <label>
        Ends on
        <input type="date" value={ends} onChange={(e) => setEnds(e.target.value)} />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'running'}>
        Assign mission
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
