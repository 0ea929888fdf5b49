import type { z } from 'zod';
import { useCallback, useState, type FormEvent } from 'react';
import { AssignMissionBody } from '../../../../shared/api/actions';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import { HIGHER_IS_BETTER, type MetricKey } from '../../../../shared/domain/metrics-model';
import {
  defaultMinSample,
  missionSpecProblems,
  type MissionSpecDraft,
  type MissionSpecProblem,
} from '../../../../shared/domain/mission-spec-rules';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { MemberSelect, MetricSelect } from './TeamFormFields';

const endOfWeek = () => {
  const d = new Date();
  d.setDate(d.getDate() + ((7 - d.getDay()) % 7 || 7) - 2);
  return d.toISOString().slice(0, 10);
};

/** An empty field is "no number", not 0, so the sentence says a number is missing. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Assign a mission to one agent or the whole team. Before sending, the form asks the domain's
 * missionSpecProblems — the same rules the server's 400 comes from — and shows every sentence it gives.
 */
export function AssignMissionForm({ overview, onDone }: { overview: TeamOverview; onDone: () => void }) {
  const api = useApi();
  const [who, setWho] = useState('team');
  const [title, setTitle] = useState('');
  const [metric, setMetric] = useState<MetricKey>('solved');
  const [target, setTarget] = useState('40');
  // null: the metric's own minimum sample, until the supervisor types another.
  const [minSample, setMinSample] = useState<string | null>(null);
  const [ends, setEnds] = useState(endOfWeek);
  const [problems, setProblems] = useState<MissionSpecProblem[]>([]);
  const assign = useCallback((body: z.output<typeof AssignMissionBody>) => api.assignMission(body), [api]);
  const { status, start } = useAction(assign, (r) =>
    r.missionIds.length === 1 ? 'Mission assigned.' : `Mission assigned to ${r.missionIds.length} people.`,
  );
  const count = metric === 'solved';
  const shownMinSample = minSample ?? String(defaultMinSample(metric));
  const problemAt = (field: string) => problems.find((p) => p.path[0] === field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = new Date();
    const endsAt = new Date(`${ends}T23:59:00`);
    const spec: MissionSpecDraft = {
      title: title.trim(),
      metric,
      comparator: HIGHER_IS_BETTER[metric] ? 'atLeast' : 'atMost',
      target: numberOf(target),
      window: {
        start: now.toISOString(),
        end: Number.isNaN(endsAt.getTime()) ? '' : endsAt.toISOString(),
      },
      minSample: count ? 1 : numberOf(shownMinSample),
      guardrails: [],
    };
    const found = missionSpecProblems(spec, { now: now.toISOString() });
    const parsed = AssignMissionBody.safeParse({
      agentIds: who === 'team' ? [] : [who],
      teamId: who === 'team' ? overview.teamId : null,
      spec,
    });
    if (found.length > 0 || !parsed.success) {
      setProblems(
        found.length > 0 ? found : [{ path: [], message: 'Check the mission: something is not filled in.' }],
      );
      return;
    }
    setProblems([]);
    if (await start(parsed.data)) {
      setTitle('');
      onDone();
    }
  };

  const invalid = (field: string) =>
    problemAt(field) ? { 'aria-invalid': true as const, 'aria-describedby': 'assign-mission-problems' } : {};

  return (
    <form className="form" onSubmit={submit} aria-label="Assign a mission" noValidate>
      <MemberSelect members={overview.members} value={who} onChange={setWho}>
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
          {...invalid('title')}
        />
      </label>
      <div className="row">
        <MetricSelect
          label="Metric"
          value={metric}
          onChange={(m) => {
            setMetric(m);
            setMinSample(null);
          }}
        />
        <label>
          {HIGHER_IS_BETTER[metric] ? 'At least' : 'At most'}
          <input
            type="number"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            className="narrow"
            {...invalid('target')}
          />
        </label>
        {!count && (
          <label>
            Minimum sample
            <input
              type="number"
              value={shownMinSample}
              onChange={(e) => setMinSample(e.target.value)}
              className="narrow"
              {...invalid('minSample')}
            />
          </label>
        )}
      </div>
      <label>
        Ends on
        <input type="date" value={ends} onChange={(e) => setEnds(e.target.value)} {...invalid('window')} />
      </label>
      {problems.length > 0 && (
        <div className="feedback error" role="alert" id="assign-mission-problems">
          {problems.map((p) => (
            <p key={`${p.path.join('.')}:${p.message}`}>{p.message}</p>
          ))}
        </div>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'running'}>
        Assign mission
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
