import type { z } from 'zod';
import { useCallback, useState, type FormEvent } from 'react';
import { CoachingCardBody } from '../../../../shared/api/actions';
import { type MetricKey } from '../../../../shared/domain/metrics-model';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { MemberSelect, MetricSelect, type MemberChoice } from './TeamFormFields';

/**
 * Write a coaching card: focus, where they are, where they could be, advice, tasks (one per line). Used in the
 * Team view and on the supervisor's side of Coaching, where it can start with one agent chosen.
 */
export function CoachingCardForm({
  members,
  agentId: initialAgentId,
  onDone,
}: {
  members: readonly MemberChoice[];
  agentId?: string;
  onDone?: () => void;
}) {
  const api = useApi();
  const [agentId, setAgentId] = useState(initialAgentId ?? members[0]?.personId ?? '');
  const [focusMetric, setFocusMetric] = useState<MetricKey>('csatPct');
  const [current, setCurrent] = useState('');
  const [potential, setPotential] = useState('');
  const [advice, setAdvice] = useState('');
  const [tasks, setTasks] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const write = useCallback((body: z.output<typeof CoachingCardBody>) => api.writeCoachingCard(body), [api]);
  const { status, start } = useAction(write, () => 'Coaching card sent.');
  if (members.length === 0) return <p className="muted">This team has no members yet.</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CoachingCardBody.safeParse({
      agentId,
      focusMetric,
      current,
      potential,
      advice: advice.trim(),
      tasks: tasks
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((text) => ({ text })),
    });
    if (!parsed.success) {
      setInvalid('Write some advice, and keep each task under 500 characters (at most 20 tasks).');
      return;
    }
    setInvalid(null);
    if (await start(parsed.data)) {
      setCurrent('');
      setPotential('');
      setAdvice('');
      setTasks('');
      onDone?.();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Write a coaching card">
      <div className="row">
        <MemberSelect members={members} value={agentId} onChange={setAgentId} />
        <MetricSelect label="Focus" value={focusMetric} onChange={setFocusMetric} />
      </div>
      <label>
        Where they are
        <input
          type="text"
          value={current}
          maxLength={500}
          onChange={(e) => setCurrent(e.target.value)}
          placeholder="CSAT 84% over the last 4 weeks"
        />
      </label>
      <label>
        Where they could be
        <input
          type="text"
          value={potential}
          maxLength={500}
          onChange={(e) => setPotential(e.target.value)}
          placeholder="90% — the team’s steady level"
        />
      </label>
      <label>
        Advice
        <textarea rows={3} value={advice} maxLength={4000} onChange={(e) => setAdvice(e.target.value)} />
      </label>
      <label>
        Tasks, one per line
        <textarea rows={3} value={tasks} onChange={(e) => setTasks(e.target.value)} />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'running'}>
        Send coaching card
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
